namespace QuestionSessions.Domain.Bodies;

/// <summary>A role an account holds in the body now (granted and not revoked).</summary>
public sealed record HeldRole(string UserId, string DisplayName, Role Role, string? PersonId)
{
    public bool Is(string userId, Role role, string? personId) => UserId == userId && Role == role && PersonId == personId;
}
