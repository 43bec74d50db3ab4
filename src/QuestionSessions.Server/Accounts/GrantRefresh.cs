using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Keeps the roles in a sign-in cookie current: the cookie carries the grants it was issued with, and a sliding
/// cookie could otherwise keep a revoked role for as long as its holder stays active. At most every
/// <see cref="Every"/>, the account's active grants are read again and the cookie reissued with them. A cookie
/// whose account is not a local one (no username claim, or none found) is left as it is.
/// </summary>
internal sealed class GrantRefresh(AccountStore accounts, TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        var inner = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await inner(context);
            if (context.Principal?.FindFirstValue("qs:username") is not { } username
                || context.Properties.IssuedUtc is { } issued && time.GetUtcNow() - issued < Every)
            {
                return;
            }

            if (await accounts.FindAsync(username, context.HttpContext.RequestAborted) is { } account)
            {
                context.ReplacePrincipal(ActorClaims.ToPrincipal(account, context.Scheme.Name));
                context.ShouldRenew = true;
            }
        };
    }
}
