namespace QuestionSessions.Domain.Commitments;

public abstract record CommitmentCommand(Actor Actor, DateTimeOffset Now) : ICommand;

/// <summary>
/// Opens the commitment. <see cref="Owners"/> must hold exactly one agency: the law makes one body
/// answerable, and a commitment shared between two is one nobody keeps. <see cref="RecordedBy"/> is who
/// recorded it at the source (the secretariat in the sitting) when the ledger opens it afterwards.
/// </summary>
public sealed record MakeCommitment(
    Guid CommitmentId,
    CommitmentKind Kind,
    Provenance Provenance,
    IReadOnlyList<CommitmentOwner> Owners,
    string Text,
    string? ExpectedResult,
    CommitmentDeadline? Deadline,
    ActorRef? RecordedBy,
    Actor Actor,
    DateTimeOffset Now) : CommitmentCommand(Actor, Now);

/// <summary>A progress report by one of the owner's officers; <see cref="ReportId"/> makes a repeat harmless.</summary>
public sealed record ReportProgress(
    Guid ReportId, string Markdown, IReadOnlyList<string> Evidence, int? Percent, Actor Actor, DateTimeOffset Now)
    : CommitmentCommand(Actor, Now);

public sealed record SubmitToAuthority(string Authority, string? Note, Actor Actor, DateTimeOffset Now) : CommitmentCommand(Actor, Now);

/// <summary>The owner says the commitment is kept (for a written answer: the answer itself).</summary>
public sealed record ClaimFulfilment(string Markdown, IReadOnlyList<string> Evidence, Actor Actor, DateTimeOffset Now)
    : CommitmentCommand(Actor, Now);

/// <summary>The questioner or the supervising committee verifies, disputes, or finds it partly or not kept.</summary>
public sealed record AssessFulfilment(Assessment Assessment, string Note, Actor Actor, DateTimeOffset Now) : CommitmentCommand(Actor, Now);

public sealed record WithdrawCommitment(string Reason, Actor Actor, DateTimeOffset Now) : CommitmentCommand(Actor, Now);

public sealed record AmendDeadline(CommitmentDeadline Deadline, string Reason, Actor Actor, DateTimeOffset Now) : CommitmentCommand(Actor, Now);

/// <summary>The commitment was put on a later sitting's agenda to be questioned again.</summary>
public sealed record LinkRequestioning(Guid SittingId, Guid ClusterId, Actor Actor, DateTimeOffset Now) : CommitmentCommand(Actor, Now);

/// <summary>
/// Sent by the commitment's reminder: records what has come due by <see cref="ICommand.Now"/> (a reminder
/// to the owner 30 and 7 days before the deadline, overdue once it has passed). Each happens once, so a
/// reminder that fires twice, late, or on another silo changes nothing the second time.
/// </summary>
public sealed record RunMilestones(Actor Actor, DateTimeOffset Now) : CommitmentCommand(Actor, Now);
