using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Bodies;

internal sealed record BodyView(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term,
    IReadOnlyList<Member> Members, IReadOnlyList<Agency> Agencies, IReadOnlyList<Official> Officials, IReadOnlyList<RulesProfile> RulesProfiles,
    IReadOnlyList<BodySession> Sessions, long Version);

/// <summary>A session of the body's term and the day it opens: "before session N" deadlines end the day before.</summary>
internal sealed record BodySession(int Number, DateOnly OpensOn);
