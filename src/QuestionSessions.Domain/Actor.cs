namespace QuestionSessions.Domain;

/// <summary>Who sends a command, with every grant they hold. The decider checks the grant the step needs.</summary>
public sealed record Actor(string UserId, string Name, IReadOnlyList<Grant> Grants)
{
    public static Actor System { get; } = new("system", "System", [new Grant(Role.Admin, Grant.AnyBody)]);

    public bool Holds(Role role, string bodyId) =>
        Grants.Any(g => g.Role == role && (g.BodyId == bodyId || g.BodyId == Grant.AnyBody));

    public bool HoldsAny(string bodyId, params Role[] roles) => roles.Any(r => Holds(r, bodyId));

    /// <summary>The member or official id this actor has in the body for that role, if any.</summary>
    public string? PersonIn(Role role, string bodyId) =>
        Grants.FirstOrDefault(g => g.Role == role && g.BodyId == bodyId && g.PersonId is not null)?.PersonId;

    public ActorRef Ref => new(UserId, Name);
}
