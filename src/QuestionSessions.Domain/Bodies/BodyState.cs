using System.Collections.Immutable;

namespace QuestionSessions.Domain.Bodies;

/// <summary>An elected body: who sits in it, who answers to it, and its rules profiles by date.</summary>
public sealed record BodyState
{
    public static BodyState Empty { get; } = new();

    public string BodyId { get; init; } = "";

    public bool Exists => BodyId.Length > 0;

    public BodyKind Kind { get; init; }

    public string Name { get; init; } = "";

    public string NameEn { get; init; } = "";

    public string? ParentBodyId { get; init; }

    public string Term { get; init; } = "";

    /// <summary>When the current term began and ends, once a <see cref="TermBegan"/> gave them.</summary>
    public DateOnly? TermStartsOn { get; init; }

    public DateOnly? TermEndsOn { get; init; }

    /// <summary>Who holds which role in the body now; the history of grants is the stream itself.</summary>
    public ImmutableList<HeldRole> Grants { get; init; } = [];

    public ImmutableSortedDictionary<string, Member> Members { get; init; } = ImmutableSortedDictionary<string, Member>.Empty;

    public ImmutableSortedDictionary<string, Official> Officials { get; init; } = ImmutableSortedDictionary<string, Official>.Empty;

    public ImmutableSortedDictionary<string, Agency> Agencies { get; init; } = ImmutableSortedDictionary<string, Agency>.Empty;

    /// <summary>The sessions of the term by number, with the day each opens (a date may move: the latest stands).</summary>
    public ImmutableSortedDictionary<int, DateOnly> Sessions { get; init; } = ImmutableSortedDictionary<int, DateOnly>.Empty;

    /// <summary>Ordered by effective date; a later profile replaces an earlier one from its date on.</summary>
    public ImmutableList<RulesProfile> RulesProfiles { get; init; } = [];

    /// <summary>The profile in force on <paramref name="date"/>, or null if none had taken effect yet.</summary>
    public RulesProfile? ProfileOn(DateOnly date) => RulesProfiles.LastOrDefault(p => p.EffectiveFrom <= date);
}
