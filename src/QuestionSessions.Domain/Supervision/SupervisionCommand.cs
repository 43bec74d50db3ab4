using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Places;

namespace QuestionSessions.Domain.Supervision;

public abstract record SupervisionCommand(Actor Actor, DateTimeOffset Now) : ICommand;

/// <summary>
/// The body decides a supervision topic: what is supervised (<see cref="ScopeMarkdown"/>), by whom
/// (<see cref="AssignedTo"/>, the delegation or committee by name), and which agencies. <see cref="PlanDueBy"/>
/// is the decision day plus 15 days, counted by the server; <see cref="Term"/> is the body's term, carried
/// into the commitments the recommendations become.
/// </summary>
public sealed record DecideTopic(
    Guid TopicId,
    string BodyId,
    string? Term,
    string Title,
    string ScopeMarkdown,
    string AssignedTo,
    string? DecisionReference,
    IReadOnlyList<SupervisedAgency> Supervised,
    DateOnly PlanDueBy,
    Actor Actor,
    DateTimeOffset Now) : SupervisionCommand(Actor, Now);

/// <summary>
/// The plan and report outline go to the supervised agencies, with the programme's working sessions. The
/// programme must reach them at least 10 days before each session; <see cref="ProgrammeSentOn"/> is the day
/// it was sent when that was before today (a programme sent on paper and recorded afterwards). Sending it
/// again while the topic is still planned amends it; the history keeps every version.
/// </summary>
public sealed record SendPlan(
    string OutlineMarkdown, IReadOnlyList<DateOnly> WorkingSessions, DateOnly? ProgrammeSentOn, Actor Actor, DateTimeOffset Now)
    : SupervisionCommand(Actor, Now);

/// <summary>Links petitions and commitments the topic rests on; links already there are left alone.</summary>
public sealed record LinkEvidence(IReadOnlyList<EvidenceLink> Links, Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);

public sealed record UnlinkEvidence(EvidenceLink Link, string Reason, Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);

/// <summary>A supervised agency's report (or a supplement to it), filed by its officer or by the secretariat.</summary>
public sealed record ReceiveReport(
    Guid ReportId, string AgencyId, string Markdown, IReadOnlyList<string> Attachments, Actor Actor, DateTimeOffset Now)
    : SupervisionCommand(Actor, Now);

/// <summary>Asks an agency to supplement its report by <see cref="DueBy"/>: five days on, counted by the server.</summary>
public sealed record RequestSupplement(string AgencyId, string What, DateOnly DueBy, Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);

/// <summary>A field visit (khảo sát thực tế) held on <see cref="Date"/>; the draft report is due 7 days after the last one.</summary>
public sealed record RecordFieldVisit(Guid VisitId, DateOnly Date, Locality Locality, string NotesMarkdown, Actor Actor, DateTimeOffset Now)
    : SupervisionCommand(Actor, Now);

/// <summary>One finding of the draft report.</summary>
public sealed record RecordFinding(Guid FindingId, string Markdown, Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);

/// <summary>
/// A recommendation to one agency with a deadline, answering some findings: the ledger opens it as a
/// commitment with provenance <see cref="SourceKind.Recommendation"/>. The owner need not be supervised
/// (a recommendation may go to the agency above them).
/// </summary>
public sealed record MakeRecommendation(
    Guid RecommendationId,
    string Text,
    string? ExpectedResult,
    SupervisedAgency Owner,
    CommitmentDeadline Deadline,
    IReadOnlyList<Guid> FindingIds,
    Actor Actor,
    DateTimeOffset Now) : SupervisionCommand(Actor, Now);

/// <summary>The body adopts its resolution on the supervision (named apart from the questioning resolution's command).</summary>
public sealed record AdoptSupervisionResolution(string Reference, string? Markdown, DateOnly AdoptedOn, Actor Actor, DateTimeOffset Now)
    : SupervisionCommand(Actor, Now);

/// <summary>A note of the follow-up (giám sát lại) on how the resolution is carried out.</summary>
public sealed record RecordFollowUp(Guid EntryId, string Markdown, Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);

public sealed record CloseTopic(string Summary, Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);

/// <summary>
/// Sent by the topic's reminder: records what has come due by <see cref="ICommand.Now"/> (the plan, a
/// supplement or the draft report overdue). Each happens once, however often or late the reminder fires.
/// </summary>
public sealed record RunSupervisionMilestones(Actor Actor, DateTimeOffset Now) : SupervisionCommand(Actor, Now);
