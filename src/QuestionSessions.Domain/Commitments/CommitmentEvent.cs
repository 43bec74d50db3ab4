namespace QuestionSessions.Domain.Commitments;

public abstract record CommitmentEvent(DateTimeOffset At);

[EventAlias("commitment_made")]
public sealed record CommitmentMade(
    Guid CommitmentId,
    CommitmentKind Kind,
    Provenance Provenance,
    CommitmentOwner Owner,
    string Text,
    string? ExpectedResult,
    CommitmentDeadline Deadline,
    ActorRef By,
    DateTimeOffset At) : CommitmentEvent(At);

[EventAlias("progress_reported")]
public sealed record ProgressReported(
    Guid ReportId, string Markdown, IReadOnlyList<string> Evidence, int? Percent, ActorRef By, DateTimeOffset At) : CommitmentEvent(At);

[EventAlias("submitted_to_authority")]
public sealed record SubmittedToAuthority(string Authority, string? Note, ActorRef By, DateTimeOffset At) : CommitmentEvent(At);

[EventAlias("fulfilment_claimed")]
public sealed record FulfilmentClaimed(string Markdown, IReadOnlyList<string> Evidence, ActorRef By, DateTimeOffset At) : CommitmentEvent(At);

[EventAlias("fulfilment_assessed")]
public sealed record FulfilmentAssessed(Assessment Assessment, string Note, ActorRef By, DateTimeOffset At) : CommitmentEvent(At);

[EventAlias("commitment_withdrawn")]
public sealed record CommitmentWithdrawn(string Reason, ActorRef By, DateTimeOffset At) : CommitmentEvent(At);

[EventAlias("deadline_amended")]
public sealed record DeadlineAmended(CommitmentDeadline Previous, CommitmentDeadline Deadline, string Reason, ActorRef By, DateTimeOffset At)
    : CommitmentEvent(At);

[EventAlias("requestioned")]
public sealed record Requestioned(Guid SittingId, Guid ClusterId, ActorRef By, DateTimeOffset At) : CommitmentEvent(At);

/// <summary>The owner was reminded <see cref="DaysBefore"/> days before <see cref="Deadline"/>.</summary>
[EventAlias("owner_reminded")]
public sealed record OwnerReminded(int DaysBefore, DateOnly Deadline, DateTimeOffset At) : CommitmentEvent(At);

/// <summary>The deadline passed with the commitment not kept.</summary>
[EventAlias("deadline_passed")]
public sealed record DeadlinePassed(DateOnly Deadline, DateTimeOffset At) : CommitmentEvent(At);
