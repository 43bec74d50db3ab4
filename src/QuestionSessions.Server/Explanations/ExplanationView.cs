using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Explanations;

/// <summary>Who is reading a request, which decides what of it they see.</summary>
internal enum ExplanationAudience
{
    /// <summary>Anyone, when the requester allowed publication: no requester id, no meeting minutes, no rating comment.</summary>
    Public,
    /// <summary>The requester, proven by their filing secret or their account.</summary>
    Requester,
    /// <summary>Officers of the agency holding it, the secretariat of its body, an administrator.</summary>
    Agency,
}

/// <summary>
/// A request for explanation and its whole timeline, as <see cref="Audience"/> may see it. The public view leaves
/// out the requester's subject id, the minutes of meetings with the requester and the requester's comment on the
/// explanation; it never holds a name or a contact (those are in no event). <see cref="ExplanationHtml"/> is the
/// explanation's Markdown rendered and sanitised by the server.
/// </summary>
internal sealed record ExplanationView(
    Guid RequestId,
    string Code,
    ExplanationAudience Audience,
    ExplanationStatus Status,
    RequestedAgency Agency,
    IReadOnlyList<RequestedAgency> AgencyHistory,
    RequesterKind Kind,
    int Represented,
    int Representatives,
    string Subject,
    string Matter,
    string? DecisionReference,
    FilingChannel Channel,
    bool Publish,
    DateTimeOffset ReceivedAt,
    DateOnly? AcknowledgeBy,
    bool AcknowledgedLate,
    bool AcknowledgementOverdue,
    DateTimeOffset? AcceptedAt,
    DateOnly? ExplainBy,
    DateOnly? OriginalExplainBy,
    bool Extended,
    bool ExplanationOverdue,
    DateTimeOffset? RefusedAt,
    RefusalGround? RefusalGround,
    string? RefusalReason,
    DateTimeOffset? ExplainedAt,
    bool ExplainedLate,
    string? ExplanationHtml,
    SatisfactionRating? Rating,
    DateTimeOffset? RatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? RequesterId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RatingComment,
    IReadOnlyList<ExplanationEventView> Timeline,
    long Version)
{
    public static ExplanationView From(
        ExplanationState s, long version, ExplanationAudience audience, IReadOnlyList<StoredEvent> events, TranscriptRenderer renderer)
    {
        var full = audience != ExplanationAudience.Public;
        return new ExplanationView(
            s.RequestId, s.Code, audience, s.Status, s.Agency!, s.AgencyHistory, s.Kind, s.Represented, s.Representatives, s.Subject, s.Matter,
            s.DecisionReference, s.Channel, s.Publish, s.ReceivedAt, s.AcknowledgeBy, s.AcknowledgedLate, s.AcknowledgementOverdue,
            s.AcceptedAt, s.ExplainBy, s.OriginalExplainBy, s.Extended, s.ExplanationIsOverdue, s.RefusedAt, s.RefusalGround,
            s.RefusalReason, s.ExplainedAt, s.ExplainedLate, s.Explanation is { } e ? renderer.ToHtml(e) : null, s.Rating, s.RatedAt,
            full ? s.RequesterId : null, full ? s.RatingComment : null,
            [.. events.Select(e => ExplanationEventView.From(e, full, renderer))], version);
    }
}

/// <summary>
/// One event of a request's timeline with its stream version: the data as stored, less what only the agency and
/// the requester see. <see cref="Html"/> is the explanation's (or, for them, the minutes') Markdown rendered by the server.
/// </summary>
internal sealed record ExplanationEventView(
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    JsonElement Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html = null)
{
    // What the public does not see, by event alias: the requester's reference, the minutes, the requester's comment.
    private static readonly Dictionary<string, string[]> Private = new(StringComparer.Ordinal)
    {
        ["explanation_request_filed"] = ["requesterId"],
        ["explanation_meeting_recorded"] = ["minutesMarkdown"],
        ["explanation_rated"] = ["comment"],
    };

    public static ExplanationEventView From(StoredEvent stored, bool full, TranscriptRenderer renderer)
    {
        var data = JsonNode.Parse(stored.Data)!.AsObject();
        if (!full && Private.TryGetValue(stored.Type, out var hidden))
        {
            foreach (var name in hidden)
            {
                data.Remove(name);
            }
        }

        var markdown = data["markdown"] ?? data["minutesMarkdown"];
        var html = markdown?.GetValueKind() == JsonValueKind.String ? renderer.ToHtml(markdown.GetValue<string>()) : null;
        return new ExplanationEventView(stored.Version, stored.Type, stored.RecordedAt, JsonSerializer.SerializeToElement(data), html);
    }
}
