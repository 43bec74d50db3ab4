using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Bodies;

/// <param name="Members">Every member ever seated (questions and meetings name them); those in <paramref name="Unseated"/> left.</param>
/// <param name="Officials">Every official ever appointed (past sittings and commitments name them); those in <paramref name="Relieved"/> no longer answer.</param>
internal sealed record BodyView(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term,
    IReadOnlyList<Member> Members, IReadOnlyList<Agency> Agencies, IReadOnlyList<Official> Officials, IReadOnlyList<RulesProfile> RulesProfiles,
    IReadOnlyList<BodySession> Sessions, IReadOnlyList<PersonDeparture> Unseated, IReadOnlyList<PersonDeparture> Relieved, long Version);

/// <summary>A member who left the body, or an official relieved: the public record of who, why, from when, and who recorded it.</summary>
internal sealed record PersonDeparture(string PersonId, string Reason, DateOnly On, ActorRef RecordedBy, DateTimeOffset RecordedAt)
{
    public static IReadOnlyList<PersonDeparture> From(IEnumerable<KeyValuePair<string, Departure>> departures) =>
        [.. departures.Select(d => new PersonDeparture(d.Key, d.Value.Reason, d.Value.On, d.Value.By, d.Value.At))];
}

/// <summary>A session of the body's term and the day it opens: "before session N" deadlines end the day before.</summary>
internal sealed record BodySession(int Number, DateOnly OpensOn);
