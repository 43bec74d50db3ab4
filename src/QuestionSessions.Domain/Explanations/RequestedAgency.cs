namespace QuestionSessions.Domain.Explanations;

/// <summary>
/// The agency whose decision or act the request is about, and the body it is registered to (whose
/// <see cref="Role.AgencyOfficer"/> grants name it): its officers acknowledge and explain.
/// </summary>
public sealed record RequestedAgency(string AgencyId, string AgencyName, string AgencyBodyId)
{
    public const int MaxName = 300;

    /// <summary>True when the actor is an officer of this agency in this body (the same agency id in another body is not).</summary>
    public bool HasOfficer(Actor actor) =>
        actor.Grants.Any(g => g.Role == Role.AgencyOfficer && g.BodyId == AgencyBodyId && g.PersonId == AgencyId);

    /// <summary>The same agency in the same body, however its name is spelt.</summary>
    public bool IsSameAs(RequestedAgency other) => AgencyId == other.AgencyId && AgencyBodyId == other.AgencyBodyId;

    internal bool IsComplete =>
        Texts.HasContent(AgencyId) && Texts.IsLine(AgencyName, MaxName) && Texts.HasContent(AgencyBodyId);

    internal RequestedAgency Trimmed() => new(Texts.Clean(AgencyId), Texts.Clean(AgencyName), Texts.Clean(AgencyBodyId));
}
