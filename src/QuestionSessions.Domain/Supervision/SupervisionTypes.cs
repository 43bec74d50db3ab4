using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Supervision;

/// <summary>
/// Where a topical supervision (giám sát chuyên đề) stands. Stages only move forward; a step allowed in
/// several stages (a report, evidence) leaves the stage where it is.
/// </summary>
public enum SupervisionStage
{
    None,
    /// <summary>The body decided the topic, its scope, who supervises and whom.</summary>
    Decided,
    /// <summary>The plan, the report outline and the programme went to the supervised agencies.</summary>
    Planned,
    /// <summary>At least one field visit (khảo sát thực tế) was made.</summary>
    Fieldwork,
    /// <summary>Findings are being written: the draft report.</summary>
    Reporting,
    /// <summary>The body adopted its resolution on the supervision.</summary>
    Resolved,
    /// <summary>The body is following up how the resolution is carried out.</summary>
    FollowUp,
    Closed,
}

/// <summary>
/// An agency under supervision and the body it answers to (<see cref="AgencyBodyId"/>): its officers hold
/// <c>Grant(AgencyOfficer, AgencyBodyId, PersonId: AgencyId)</c> and file its reports.
/// </summary>
public sealed record SupervisedAgency(string AgencyId, string AgencyName, string AgencyBodyId);

/// <summary>What a piece of evidence is: a voter petition or a commitment of the ledger.</summary>
public enum EvidenceKind
{
    Petition,
    Commitment,
}

/// <summary>A petition or a commitment the topic rests on (by id; the edge checks that it exists).</summary>
public sealed record EvidenceLink(EvidenceKind Kind, Guid Id);

/// <summary>
/// A recommendation of the supervision as the rules need it: it becomes commitment
/// <see cref="CommitmentId"/> of the ledger, owned by <see cref="Owner"/>.
/// </summary>
public sealed record SupervisionRecommendation(
    Guid RecommendationId,
    Guid CommitmentId,
    string Text,
    string? ExpectedResult,
    SupervisedAgency Owner,
    CommitmentDeadline Deadline,
    IReadOnlyList<Guid> FindingIds);

/// <summary>
/// A request to an agency to supplement its report within five days. <see cref="FulfilledOn"/> is the day
/// (Hanoi) the agency's first report after the request came in; <see cref="Overdue"/> says the due day
/// passed without one and was recorded.
/// </summary>
public sealed record SupplementRequest(string AgencyId, string What, DateOnly DueBy, DateTimeOffset RequestedAt, DateOnly? FulfilledOn, bool Overdue);

/// <summary>The body's resolution on the supervision (nghị quyết về giám sát chuyên đề).</summary>
public sealed record SupervisionResolution(string Reference, string? Markdown, DateOnly AdoptedOn);
