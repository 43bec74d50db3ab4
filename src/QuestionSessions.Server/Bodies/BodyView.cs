using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Bodies;

internal sealed record BodyView(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term,
    IReadOnlyList<Member> Members, IReadOnlyList<Agency> Agencies, IReadOnlyList<Official> Officials, IReadOnlyList<RulesProfile> RulesProfiles, long Version);
