using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Demo;

/// <summary>The shape of demo-data.json.</summary>
internal sealed record DemoData(
    IReadOnlyDictionary<string, RulesProfile> RulesProfiles,
    IReadOnlyList<DemoBody> Bodies,
    IReadOnlyList<DemoAccount> Accounts,
    IReadOnlyList<DemoSitting> Sittings);

internal sealed record DemoBody(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term, string RulesProfile,
    IReadOnlyList<Member> Members, IReadOnlyList<Official> Officials);

internal sealed record DemoAccount(string Username, string DisplayName, IReadOnlyList<Grant> Grants);

internal sealed record DemoSitting(
    Guid SittingId, string BodyId, string Title, int StartsInDays, TimeOnly LocalStartTime,
    IReadOnlyList<DemoCluster> Clusters, IReadOnlyList<DemoSlip> Slips);

internal sealed record DemoCluster(Guid ClusterId, string Title, string Main, IReadOnlyList<string> Related);

internal sealed record DemoSlip(string Deputy, int? Cluster, string Respondent, string Text);
