using System.Text.Json;
using System.Text.Json.Nodes;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Petitions;

/// <summary>
/// One event of a petition's public timeline: the data as stored less what points at a person (the submitter's
/// subject id, a rater's key), and an answer's Markdown rendered and sanitized by the server.
/// </summary>
internal sealed record PetitionEventView(
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    JsonElement Data,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Html = null)
{
    /// <summary>Properties that point at a person, removed wherever they occur in an event.</summary>
    private static readonly HashSet<string> Private = ["submitterId", "raterKey", "requesterId"];

    public static PetitionEventView From(StoredEvent stored, TranscriptRenderer renderer)
    {
        var node = JsonNode.Parse(stored.Data)!;
        Scrub(node);
        var html = stored.Type == "petition_answered" && node["markdown"]?.GetValue<string>() is { } markdown ? renderer.ToHtml(markdown) : null;
        return new PetitionEventView(stored.Version, stored.Type, stored.RecordedAt, JsonSerializer.SerializeToElement(node), html);
    }

    private static void Scrub(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Where(Private.Contains).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, child) in obj)
                {
                    Scrub(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Scrub(child);
                }

                break;
        }
    }
}

/// <summary>A petition with its sources as raised (no one's identity) and its whole timeline.</summary>
internal sealed record PetitionDetail(PetitionSummary Petition, IReadOnlyList<PetitionSourceView> Sources, IReadOnlyList<PetitionEventView> Timeline);

/// <summary>One place the petition was raised, as the public sees it: no submitter.</summary>
internal sealed record PetitionSourceView(
    Guid SourceId, SourceChannel Channel, Guid? MeetingId, DateOnly? MeetingDate, MeetingTiming? MeetingTiming, int? Session,
    string ProvinceId, string? Commune, string Text, int Supporters);
