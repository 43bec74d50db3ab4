using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Places;

namespace QuestionSessions.Domain.Supervision;

public abstract record SupervisionEvent(DateTimeOffset At);

[EventAlias("supervision_topic_decided")]
public sealed record SupervisionTopicDecided(
    Guid TopicId,
    string BodyId,
    string? Term,
    string Title,
    string ScopeMarkdown,
    string AssignedTo,
    string? DecisionReference,
    IReadOnlyList<SupervisedAgency> Supervised,
    DateOnly PlanDueBy,
    ActorRef By,
    DateTimeOffset At) : SupervisionEvent(At);

/// <summary>
/// The plan went out. <see cref="Late"/> says the first plan went after its due day (an amendment keeps the
/// first plan's answer); <see cref="Amendment"/> is 0 for the first plan, then 1, 2…
/// </summary>
[EventAlias("supervision_plan_sent")]
public sealed record SupervisionPlanSent(
    string OutlineMarkdown, IReadOnlyList<DateOnly> WorkingSessions, DateOnly ProgrammeSentOn, bool Late, int Amendment, ActorRef By, DateTimeOffset At)
    : SupervisionEvent(At);

/// <summary>The links newly added (never one that was already linked).</summary>
[EventAlias("supervision_evidence_linked")]
public sealed record SupervisionEvidenceLinked(IReadOnlyList<EvidenceLink> Links, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

[EventAlias("supervision_evidence_unlinked")]
public sealed record SupervisionEvidenceUnlinked(EvidenceLink Link, string Reason, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

[EventAlias("supervision_report_received")]
public sealed record SupervisionReportReceived(
    Guid ReportId, string AgencyId, string Markdown, IReadOnlyList<string> Attachments, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

[EventAlias("supervision_supplement_requested")]
public sealed record SupplementRequested(string AgencyId, string What, DateOnly DueBy, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

/// <summary>A field visit; <see cref="DraftDueBy"/> is when the draft report is due if this stays the last visit.</summary>
[EventAlias("supervision_field_visit_recorded")]
public sealed record FieldVisitRecorded(
    Guid VisitId, DateOnly Date, Locality Locality, string NotesMarkdown, DateOnly DraftDueBy, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

[EventAlias("supervision_finding_recorded")]
public sealed record FindingRecorded(Guid FindingId, string Markdown, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

/// <summary>
/// A recommendation, with everything the ledger needs to open it as commitment <see cref="CommitmentId"/>:
/// the commitment intake reads this event (alias <c>recommendation_made</c>) and makes
/// <c>MakeCommitment(CommitmentId, Commitment, ToProvenance(), [ToOwner()], Text, ExpectedResult, Deadline, By)</c>.
/// </summary>
[EventAlias("recommendation_made")]
public sealed record RecommendationMade(
    Guid TopicId,
    string BodyId,
    string? Term,
    Guid RecommendationId,
    Guid CommitmentId,
    string Text,
    string? ExpectedResult,
    SupervisedAgency Owner,
    CommitmentDeadline Deadline,
    IReadOnlyList<Guid> FindingIds,
    ActorRef By,
    DateTimeOffset At) : SupervisionEvent(At)
{
    /// <summary>Where the commitment comes from: this topic and recommendation of the body, in its term.</summary>
    public Provenance ToProvenance() => new(SourceKind.Recommendation, BodyId, TopicId: TopicId, RecommendationId: RecommendationId, Term: Term);

    /// <summary>The one agency answerable for the commitment.</summary>
    public CommitmentOwner ToOwner() => new(Owner.AgencyId, Owner.AgencyName);
}

[EventAlias("supervision_resolution_adopted")]
public sealed record SupervisionResolutionAdopted(string Reference, string? Markdown, DateOnly AdoptedOn, ActorRef By, DateTimeOffset At)
    : SupervisionEvent(At);

[EventAlias("supervision_follow_up_recorded")]
public sealed record SupervisionFollowUpRecorded(Guid EntryId, string Markdown, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

[EventAlias("supervision_topic_closed")]
public sealed record SupervisionTopicClosed(string Summary, ActorRef By, DateTimeOffset At) : SupervisionEvent(At);

/// <summary>No plan had gone out by the end of <see cref="PlanDueBy"/>.</summary>
[EventAlias("supervision_plan_overdue")]
public sealed record SupervisionPlanOverdue(DateOnly PlanDueBy, DateTimeOffset At) : SupervisionEvent(At);

/// <summary>No report came from the agency after the supplement request by the end of <see cref="DueBy"/>.</summary>
[EventAlias("supervision_supplement_overdue")]
public sealed record SupplementOverdue(string AgencyId, DateOnly DueBy, DateTimeOffset At) : SupervisionEvent(At);

/// <summary>No finding had been recorded by the end of <see cref="DraftDueBy"/>, 7 days after the last field visit.</summary>
[EventAlias("supervision_draft_report_overdue")]
public sealed record DraftReportOverdue(DateOnly DraftDueBy, DateTimeOffset At) : SupervisionEvent(At);
