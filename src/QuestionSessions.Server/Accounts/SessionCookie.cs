using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Ties the auth cookie to a server-side session: signing in starts one, every request checks it is still live and
/// rebuilds the caller's claims from the account as stored now, so a revoked session or a withdrawn grant takes
/// effect on the next request (SignalR connections authenticate with the same cookie, through the same check).
/// </summary>
internal static class SessionCookie
{
    public const string SessionClaim = "qs:session";

    /// <summary>Starts a session for the account and issues the cookie that names it.</summary>
    public static async Task SignInAsync(HttpContext http, Account account, CancellationToken cancellationToken)
    {
        var sessions = http.RequestServices.GetRequiredService<SessionStore>();
        var sessionId = await sessions.StartAsync(account.UserId, http.Request.Headers.UserAgent, cancellationToken);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ToPrincipal(account, sessionId));
    }

    public static ClaimsPrincipal ToPrincipal(Account account, string sessionId)
    {
        var principal = ActorClaims.ToPrincipal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, sessionId));
        return principal;
    }

    public static string? SessionId(ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    /// <summary>The cookie handler's OnValidatePrincipal: a cookie without a live session signs nobody in.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (SessionId(context.Principal!) is not { } sessionId
            || await sessions.ValidateAsync(sessionId, context.HttpContext.RequestAborted) is not { } account)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.ReplacePrincipal(ToPrincipal(account, sessionId));
    }
}
