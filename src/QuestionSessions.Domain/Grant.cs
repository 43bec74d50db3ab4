namespace QuestionSessions.Domain;

/// <summary>
/// A role held in one body. <see cref="PersonId"/> ties a deputy to a member record and a respondent
/// to an official record of that body. <see cref="AnyBody"/> scopes a grant to every body (admins).
/// </summary>
public sealed record Grant(Role Role, string BodyId, string? PersonId = null)
{
    public const string AnyBody = "*";
}
