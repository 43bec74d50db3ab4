using System.Text.Json;
using System.Text.Json.Serialization;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Supervision;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Supervision;

/// <summary>
/// A topic as its public page shows it: the state the rules keep, with the scope, the outline and the
/// resolution rendered and sanitised by the server (<see cref="TranscriptRenderer"/>).
/// </summary>
internal sealed record SupervisionTopicView(
    Guid TopicId,
    string BodyId,
    string? Term,
    string Title,
    string ScopeMarkdown,
    string ScopeHtml,
    string AssignedTo,
    string? DecisionReference,
    IReadOnlyList<SupervisedAgency> Supervised,
    SupervisionStage Stage,
    DateOnly PlanDueBy,
    DateTimeOffset? PlanSentAt,
    bool PlanLate,
    bool PlanOverdue,
    string? OutlineHtml,
    DateOnly? ProgrammeSentOn,
    int PlanAmendments,
    IReadOnlyList<DateOnly> WorkingSessions,
    int Reports,
    IReadOnlyList<SupplementRequest> SupplementRequests,
    int Visits,
    DateOnly? DraftDueBy,
    DateOnly? DraftOverdueFor,
    int Findings,
    SupervisionResolution? Resolution,
    string? ResolutionHtml,
    int FollowUps,
    DateTimeOffset DecidedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static SupervisionTopicView From(SupervisionState s, long version, TranscriptRenderer renderer) => new(
        s.TopicId, s.BodyId, s.Term, s.Title, s.ScopeMarkdown, renderer.ToHtml(s.ScopeMarkdown), s.AssignedTo, s.DecisionReference,
        s.Supervised, s.Stage, s.PlanDueBy, s.PlanSentAt, s.PlanLate, s.PlanOverdue,
        s.OutlineMarkdown.Length > 0 ? renderer.ToHtml(s.OutlineMarkdown) : null, s.ProgrammeSentOn, s.PlanAmendments, s.WorkingSessions,
        s.Reports.Count, s.SupplementRequests, s.Visits.Count, s.DraftDueBy, s.DraftOverdueFor, s.Findings.Count, s.Resolution,
        s.Resolution?.Markdown is { } resolution ? renderer.ToHtml(resolution) : null, s.FollowUps, s.DecidedAt, s.ClosedAt, s.UpdatedAt, version);
}

/// <summary>A petition as a topic citing it shows it, from the public petition directory.</summary>
internal sealed record PetitionBrief(
    Guid PetitionId, string Code, string Title, string Status, string Field, string? AgencyName, DateOnly? Deadline, string? Outcome);

/// <summary>
/// A piece of evidence the topic cites, with where the petition or commitment stands now. Both are null when
/// the item is not in the public read models (never expected: a link is checked when it is made).
/// </summary>
internal sealed record SupervisionEvidenceView(EvidenceKind Kind, Guid Id, PetitionBrief? Petition, CommitmentSummary? Commitment);

/// <summary>A recommendation and the commitment of the ledger it became (null until the intake has opened it).</summary>
internal sealed record RecommendationView(
    Guid RecommendationId,
    Guid CommitmentId,
    string Text,
    string? ExpectedResult,
    SupervisedAgency Owner,
    CommitmentDeadline Deadline,
    IReadOnlyList<Guid> FindingIds,
    CommitmentSummary? Commitment);

/// <summary>
/// One event of a topic's public timeline, with its stream version. <see cref="Html"/> is the event's Markdown
/// (the scope, the outline, a report, a visit's notes, a finding, the resolution, a follow-up, the closing
/// summary) rendered and sanitised by the server, so no client renders untrusted Markdown itself.
/// </summary>
internal sealed record SupervisionEventView(
    Guid TopicId,
    long Version,
    string Type,
    DateTimeOffset RecordedAt,
    JsonElement Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Html = null)
{
    private static readonly Dictionary<string, string> Rendered = new(StringComparer.Ordinal)
    {
        ["supervision_topic_decided"] = "scopeMarkdown",
        ["supervision_plan_sent"] = "outlineMarkdown",
        ["supervision_report_received"] = "markdown",
        ["supervision_field_visit_recorded"] = "notesMarkdown",
        ["supervision_finding_recorded"] = "markdown",
        ["supervision_resolution_adopted"] = "markdown",
        ["supervision_follow_up_recorded"] = "markdown",
        ["supervision_topic_closed"] = "summary",
    };

    public static SupervisionEventView From(Guid topicId, StoredEvent stored, TranscriptRenderer renderer)
    {
        using var data = JsonDocument.Parse(stored.Data);
        var root = data.RootElement;
        var html = Rendered.TryGetValue(stored.Type, out var field) && root.TryGetProperty(field, out var markdown) && markdown.ValueKind == JsonValueKind.String
            ? renderer.ToHtml(markdown.GetString()!)
            : null;
        return new SupervisionEventView(topicId, stored.Version, stored.Type, stored.RecordedAt, root.Clone(), html);
    }
}

/// <summary>A topic's public page: where it stands, what it cites, the commitments it created, and its whole timeline.</summary>
internal sealed record SupervisionDetail(
    SupervisionTopicView Topic,
    IReadOnlyList<SupervisionEvidenceView> Evidence,
    IReadOnlyList<RecommendationView> Recommendations,
    IReadOnlyList<SupervisionEventView> Timeline);
