using System.Collections.Immutable;

namespace QuestionSessions.Domain.Commitments;

/// <summary>What the commitment's rules need; the timeline itself is its stream of events.</summary>
public sealed record CommitmentState
{
    public static CommitmentState Empty { get; } = new();

    public Guid CommitmentId { get; init; }

    public CommitmentKind Kind { get; init; }

    public CommitmentStatus Status { get; init; }

    public bool Exists => Status != CommitmentStatus.None;

    public Provenance? Provenance { get; init; }

    public CommitmentOwner? Owner { get; init; }

    public string Text { get; init; } = "";

    public string? ExpectedResult { get; init; }

    public CommitmentDeadline? Deadline { get; init; }

    /// <summary>The deadline first promised; amendments never hide it.</summary>
    public DateOnly? OriginalDeadline { get; init; }

    public int Amendments { get; init; }

    public DateTimeOffset MadeAt { get; init; }

    /// <summary>When the last event happened: what feeds of the ledger order by.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public int? Percent { get; init; }

    public DateTimeOffset? LastProgressAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>The deadline that passed unkept, while that deadline is still the one in force.</summary>
    public DateOnly? OverdueSince { get; init; }

    /// <summary>Reminders sent, as (deadline, days before), so an amended deadline gets its own.</summary>
    public ImmutableHashSet<(DateOnly Deadline, int DaysBefore)> Reminders { get; init; } = [];

    public ImmutableHashSet<Guid> Reports { get; init; } = [];

    public ImmutableList<Guid> RequestionedIn { get; init; } = [];

    /// <summary>Nothing more can happen but reading: verified, found not kept, or withdrawn.</summary>
    public bool IsClosed => Status is CommitmentStatus.Verified or CommitmentStatus.NotFulfilled or CommitmentStatus.Withdrawn;
}
