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

    /// <summary>Every member ever seated, by id, unseated ones included (their questions still name them); see <see cref="Unseated"/>.</summary>
    public ImmutableSortedDictionary<string, Member> Members { get; init; } = ImmutableSortedDictionary<string, Member>.Empty;

    /// <summary>Members who left the body, by id, with why and from when.</summary>
    public ImmutableSortedDictionary<string, Departure> Unseated { get; init; } = ImmutableSortedDictionary<string, Departure>.Empty;

    /// <summary>Every official ever appointed, by id, relieved ones included (past sittings and commitments name them); see <see cref="Relieved"/>.</summary>
    public ImmutableSortedDictionary<string, Official> Officials { get; init; } = ImmutableSortedDictionary<string, Official>.Empty;

    /// <summary>Officials who no longer answer to the body, by id, with why and from when.</summary>
    public ImmutableSortedDictionary<string, Departure> Relieved { get; init; } = ImmutableSortedDictionary<string, Departure>.Empty;

    public ImmutableSortedDictionary<string, Agency> Agencies { get; init; } = ImmutableSortedDictionary<string, Agency>.Empty;

    /// <summary>The sessions of the term by number, with the day each opens (a date may move: the latest stands).</summary>
    public ImmutableSortedDictionary<int, DateOnly> Sessions { get; init; } = ImmutableSortedDictionary<int, DateOnly>.Empty;

    /// <summary>Ordered by effective date; a later profile replaces an earlier one from its date on.</summary>
    public ImmutableList<RulesProfile> RulesProfiles { get; init; } = [];

    /// <summary>The member, if seated now (not unseated).</summary>
    public Member? SeatedMember(string memberId) =>
        Members.TryGetValue(memberId, out var member) && !Unseated.ContainsKey(memberId) ? member : null;

    /// <summary>The official, if answering to the body now (not relieved): only they may be named in a new sitting or question.</summary>
    public Official? ServingOfficial(string officialId) =>
        Officials.TryGetValue(officialId, out var official) && !Relieved.ContainsKey(officialId) ? official : null;

    /// <summary>How many members sit now.</summary>
    public int SeatedCount => Members.Count - Unseated.Count;

    /// <summary>How many officials answer to the body now.</summary>
    public int ServingCount => Officials.Count - Relieved.Count;

    /// <summary>The profile in force on <paramref name="date"/>, or null if none had taken effect yet.</summary>
    public RulesProfile? ProfileOn(DateOnly date) => RulesProfiles.LastOrDefault(p => p.EffectiveFrom <= date);
}
