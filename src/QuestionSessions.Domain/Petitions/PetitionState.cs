using System.Collections.Immutable;

namespace QuestionSessions.Domain.Petitions;

/// <summary>What the petition's rules need; the timeline itself, answers' texts included, is its stream of events.</summary>
public sealed record PetitionState
{
    public static PetitionState Empty { get; } = new();

    public Guid PetitionId { get; init; }

    public string Code { get; init; } = "";

    public string BodyId { get; init; } = "";

    public PetitionField Field { get; init; }

    public string Title { get; init; } = "";

    public PetitionStatus Status { get; init; }

    public bool Exists => Status != PetitionStatus.None;

    /// <summary>Every place it was raised, its own first, then those of the duplicates merged into it.</summary>
    public ImmutableList<PetitionSource> Sources { get; init; } = [];

    /// <summary>The voters behind it: the sum over <see cref="Sources"/>.</summary>
    public int Supporters { get; init; }

    /// <summary>The keeper it was merged into, when it was a duplicate.</summary>
    public Guid? MergedInto { get; init; }

    public ImmutableHashSet<Guid> AbsorbedFrom { get; init; } = [];

    /// <summary>The agency in charge now, and its deadline.</summary>
    public PetitionRouting? Routing { get; init; }

    /// <summary>When the routing in force was made: a reminder due before it is not sent.</summary>
    public DateTimeOffset? RoutedAt { get; init; }

    public int Reroutes { get; init; }

    public int Answers { get; init; }

    public ImmutableHashSet<Guid> AnswerIds { get; init; } = [];

    public Guid? LatestAnswerId { get; init; }

    public DateTimeOffset? FirstAnsweredAt { get; init; }

    public PetitionOutcome? LatestOutcome { get; init; }

    /// <summary>The first answer came after the deadline day; it stays late in every figure.</summary>
    public bool AnsweredLate { get; init; }

    /// <summary>The answer last reported back to voters.</summary>
    public Guid? ReportedBackAnswerId { get; init; }

    /// <summary>Each voter's rating of the latest answer, by rater key; a new answer starts a new tally.</summary>
    public ImmutableDictionary<string, SatisfactionRating> Ratings { get; init; } = ImmutableDictionary<string, SatisfactionRating>.Empty;

    /// <summary>The deadline that passed unanswered, while that routing is in force.</summary>
    public DateOnly? OverdueSince { get; init; }

    /// <summary>Reminders sent for the routing in force, as (deadline, days before).</summary>
    public ImmutableHashSet<(DateOnly Deadline, int DaysBefore)> Reminders { get; init; } = [];

    public ImmutableList<(EscalationTarget Target, Guid TargetId)> Escalations { get; init; } = [];

    public DateTimeOffset FiledAt { get; init; }

    /// <summary>When the last event happened: what feeds order by.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The agency has sent an answer, whatever it says.</summary>
    public bool IsAnswered => FirstAnsweredAt is not null;

    /// <summary>The latest answer says the matter is resolved (đã giải quyết xong): not the same as answered.</summary>
    public bool IsResolved => LatestOutcome == PetitionOutcome.Resolved;

    /// <summary>The deadline passed with no answer (as recorded by the milestones).</summary>
    public bool IsOverdue => OverdueSince is not null && !IsAnswered;

    /// <summary>The latest answer has been reported back to voters.</summary>
    public bool ReportedBack => ReportedBackAnswerId is not null && ReportedBackAnswerId == LatestAnswerId;

    public int Count(SatisfactionRating rating) => Ratings.Values.Count(r => r == rating);
}
