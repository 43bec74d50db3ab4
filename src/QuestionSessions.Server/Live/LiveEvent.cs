using System.Text.Json;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Live;

/// <summary>
/// One sitting event as viewers receive it, with the sitting's stream version: a client applies
/// versions in order, and reconnecting with its last version gets exactly what it missed.
/// </summary>
internal sealed record LiveEvent(Guid SittingId, long Version, string Type, DateTimeOffset RecordedAt, JsonElement Data)
{
    public static LiveEvent From(StoredEvent stored)
    {
        var slash = stored.StreamId.IndexOf('/', StringComparison.Ordinal);
        using var data = JsonDocument.Parse(stored.Data);
        return new LiveEvent(Guid.Parse(stored.StreamId.AsSpan(slash + 1)), stored.Version, stored.Type, stored.RecordedAt, data.RootElement.Clone());
    }
}
