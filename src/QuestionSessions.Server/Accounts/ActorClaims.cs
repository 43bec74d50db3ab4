using System.Security.Claims;
using QuestionSessions.Domain;

namespace QuestionSessions.Server.Accounts;

/// <summary>Turns an account into cookie claims and claims back into the <see cref="Actor"/> the deciders check.</summary>
internal static class ActorClaims
{
    public const string GrantClaim = "qs:grant";

    public static ClaimsPrincipal ToPrincipal(Account account, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.UserId),
            new(ClaimTypes.Name, account.DisplayName),
            new("qs:username", account.Username),
        ];
        claims.AddRange(account.Grants.Select(g => new Claim(GrantClaim, $"{g.Role}|{g.BodyId}|{g.PersonId}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    /// <summary>Null for an anonymous caller.</summary>
    public static Actor? ToActor(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return null;
        }

        var grants = user.FindAll(GrantClaim).Select(c => c.Value.Split('|')).Where(p => p.Length == 3 && Enum.TryParse<Role>(p[0], out _))
            .Select(p => new Grant(Enum.Parse<Role>(p[0]), p[1], p[2].Length == 0 ? null : p[2])).ToList();
        return new Actor(userId, user.FindFirstValue(ClaimTypes.Name) ?? userId, grants);
    }
}
