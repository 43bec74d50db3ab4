using System.Text.Json;
using System.Text.Json.Serialization;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Live;

/// <summary>
/// One sitting event as viewers receive it, with the sitting's stream version: a client applies
/// versions in order, and reconnecting with its last version gets exactly what it missed.
/// <see cref="Data"/> is the event as stored; its shape per <see cref="Type"/> is described in the
/// OpenAPI document (<see cref="LiveProtocolDocument"/>). <see cref="Html"/> is the transcript
/// segment's Markdown rendered and sanitized by the server, present only on
/// <c>transcript_segment_published</c>, so no client renders untrusted Markdown itself.
/// </summary>
internal sealed record LiveEvent(
    Guid SittingId,
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    JsonElement Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html = null)
{
    public static LiveEvent From(StoredEvent stored, Sittings.TranscriptRenderer renderer)
    {
        var (id, data, html) = Read(stored, renderer, type => type == LiveProtocolDocument.TranscriptAlias);
        return new LiveEvent(id, stored.Version, stored.Type, stored.RecordedAt, data, html);
    }

    /// <summary>
    /// A stored event as clients get it: the aggregate's id from the stream id, the data as stored, and, for the
    /// types <paramref name="rendered"/> names, its <c>markdown</c> rendered and sanitised by the server.
    /// </summary>
    public static (Guid AggregateId, JsonElement Data, string? Html) Read(
        StoredEvent stored, Sittings.TranscriptRenderer renderer, Func<string, bool> rendered)
    {
        var slash = stored.StreamId.IndexOf('/', StringComparison.Ordinal);
        using var data = JsonDocument.Parse(stored.Data);
        var root = data.RootElement;
        var html = rendered(stored.Type) && root.TryGetProperty("markdown", out var markdown) && markdown.ValueKind == JsonValueKind.String
            ? renderer.ToHtml(markdown.GetString()!)
            : null;
        return (Guid.Parse(stored.StreamId.AsSpan(slash + 1)), root.Clone(), html);
    }
}
