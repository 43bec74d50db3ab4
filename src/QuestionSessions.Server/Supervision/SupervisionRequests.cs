using System.ComponentModel.DataAnnotations;
using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Supervision;

namespace QuestionSessions.Server.Supervision;

/// <summary>An agency to supervise, by its id in <see cref="BodyId"/> (the topic's body when not given).</summary>
internal sealed record SupervisedAgencyRequest(
    [property: Required, StringLength(SupervisionDecider.MaxAgencyId)] string AgencyId,
    [property: StringLength(SupervisionDecider.MaxAgencyId)] string? BodyId);

/// <summary>The body's decision on a topic; the plan's due day and the term are the server's.</summary>
internal sealed record SupervisionTopicRequest(
    [property: Required, StringLength(SupervisionDecider.MaxTitle)] string Title,
    [property: Required, StringLength(SupervisionDecider.MaxScope)] string ScopeMarkdown,
    [property: Required, StringLength(SupervisionDecider.MaxAssignedTo)] string AssignedTo,
    [property: StringLength(SupervisionDecider.MaxReference)] string? DecisionReference,
    [property: Required, MaxLength(SupervisionDecider.MaxSupervised)] IReadOnlyList<SupervisedAgencyRequest> Supervised);

internal sealed record SupervisionPlanRequest(
    [property: Required, StringLength(SupervisionDecider.MaxOutline)] string OutlineMarkdown,
    [property: Required, MaxLength(SupervisionDecider.MaxWorkingSessions)] IReadOnlyList<DateOnly> WorkingSessions,
    DateOnly? ProgrammeSentOn);

/// <summary>A petition or a commitment, by id.</summary>
internal sealed record EvidenceLinkRequest(EvidenceKind Kind, Guid Id);

internal sealed record SupervisionEvidenceRequest(
    [property: Required, MaxLength(SupervisionDecider.MaxEvidence)] IReadOnlyList<EvidenceLinkRequest> Links);

internal sealed record EvidenceRemovalRequest(
    EvidenceKind Kind,
    Guid Id,
    [property: Required, StringLength(SupervisionDecider.MaxReason)] string Reason);

/// <summary>A supervised agency's report (or its supplement), with links to its attachments.</summary>
internal sealed record SupervisionReportRequest(
    [property: Required, StringLength(SupervisionDecider.MaxAgencyId)] string AgencyId,
    [property: Required, StringLength(SupervisionDecider.MaxReport)] string Markdown,
    [property: MaxLength(SupervisionDecider.MaxAttachments)] IReadOnlyList<string>? Attachments);

/// <summary>Asks an agency to supplement its report; it is due five days on, counted by the server.</summary>
internal sealed record SupervisionSupplementRequest(
    [property: Required, StringLength(SupervisionDecider.MaxAgencyId)] string AgencyId,
    [property: Required, StringLength(SupervisionDecider.MaxSupplementWhat)] string What);

internal sealed record FieldVisitRequest(
    [property: Required] DateOnly? Date,
    [property: Required, StringLength(64)] string ProvinceId,
    [property: StringLength(Locality.MaxCommune)] string? Commune,
    [property: Required, StringLength(SupervisionDecider.MaxMarkdown)] string NotesMarkdown);

internal sealed record FindingRequest([property: Required, StringLength(SupervisionDecider.MaxMarkdown)] string Markdown);

/// <summary>
/// A recommendation to one agency registered with the topic's body, with a date or "before session N" of the
/// body's term, answering some findings of the topic.
/// </summary>
internal sealed record RecommendationRequest(
    [property: Required, StringLength(SupervisionDecider.MaxRecommendationText)] string Text,
    [property: StringLength(SupervisionDecider.MaxRecommendationText)] string? ExpectedResult,
    [property: Required, StringLength(SupervisionDecider.MaxAgencyId)] string AgencyId,
    [property: StringLength(SupervisionDecider.MaxAgencyId)] string? AgencyBodyId,
    DateOnly? Deadline,
    [property: Range(1, 99)] int? BeforeSession,
    [property: MaxLength(SupervisionDecider.MaxFindingsPerRecommendation)] IReadOnlyList<Guid>? FindingIds);

internal sealed record SupervisionResolutionRequest(
    [property: Required, StringLength(SupervisionDecider.MaxReference)] string Reference,
    [property: StringLength(SupervisionDecider.MaxResolution)] string? Markdown,
    [property: Required] DateOnly? AdoptedOn);

internal sealed record SupervisionFollowUpRequest([property: Required, StringLength(SupervisionDecider.MaxMarkdown)] string Markdown);

internal sealed record TopicClosureRequest([property: Required, StringLength(SupervisionDecider.MaxMarkdown)] string Summary);
