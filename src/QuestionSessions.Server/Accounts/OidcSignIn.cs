using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorization code flow with PKCE). The provider vouches for a
/// subject; <see cref="ExternalLogins"/> says which account that subject is. The callback then starts one of our
/// own server-side sessions, exactly as a password sign-in does. Anything else (an unknown subject, a tampered or
/// malformed answer, a provider error) signs nobody in and says why.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/api/auth/oidc/callback";

    public static void AddOidc(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        authentication.Services.Configure<OidcOptions>(configuration.GetSection(OidcOptions.Section));
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>();
        if (options is not { IsConfigured: true })
        {
            return;
        }

        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.RequireHttpsMetadata = !options.AuthorityIsLoopback;
            o.ResponseType = "code";
            o.UsePkce = true;
            // Answers come back on the query string: the correlation and nonce cookies then need only SameSite=Lax.
            o.ResponseMode = "query";
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Scope.Clear();
            foreach (var scope in options.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct())
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme;
            o.Events.OnTokenValidated = SignInLinkedAccountAsync;
            o.Events.OnRemoteFailure = c =>
            {
                c.HttpContext.RequestServices.GetRequiredService<ILogger<OidcOptions>>().LogWarning(c.Failure, "OpenID Connect sign-in failed");
                c.HandleResponse();
                return RefuseAsync(c.HttpContext, StatusCodes.Status400BadRequest, "oidc_failed", "The identity provider's answer could not be accepted; nobody was signed in.");
            };
            o.Events.OnAccessDenied = c =>
            {
                c.HandleResponse();
                return RefuseAsync(c.HttpContext, StatusCodes.Status403Forbidden, "oidc_denied", "The identity provider did not sign you in.");
            };
        });
    }

    public static RouteGroupBuilder MapOidc(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Accounts");
        group.MapGet("/providers", Providers);
        group.MapGet("/oidc/challenge", Challenge).Produces(StatusCodes.Status302Found);
        return group;
    }

    private static Ok<SignInProviders> Providers(IOptions<OidcOptions> oidc) =>
        TypedResults.Ok(new SignInProviders(true, oidc.Value.IsConfigured ? new ExternalProvider(oidc.Value.DisplayName, "/api/auth/oidc/challenge") : null));

    private static async Task<Results<ChallengeHttpResult, ProblemHttpResult>> Challenge(
        IOptions<OidcOptions> oidc, IOptionsMonitor<OpenIdConnectOptions> handlers, ILogger<OidcOptions> logger, string? returnUrl, CancellationToken cancellationToken)
    {
        if (!oidc.Value.IsConfigured)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status404NotFound, "No identity provider", "Sign-in through an identity provider is not configured here.", "oidc_not_configured");
        }

        if (!IsLocal(returnUrl ??= "/"))
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Return address not allowed", "The return address must be a path on this site.", "return_url_not_local");
        }

        // The provider's metadata first, so a provider that is down is a clear 503 here rather than an exception in the handler.
        try
        {
            await handlers.Get(Scheme).ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            logger.LogWarning(e, "The OpenID Connect provider's metadata could not be read");
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status503ServiceUnavailable, "Identity provider unavailable",
                "The identity provider does not answer; try again later or sign in with a password.", "oidc_unavailable");
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [Scheme]);
    }

    /// <summary>A path on this site: starts with one '/', never '//' or '/\' (which browsers read as another host).</summary>
    public static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    private static async Task SignInLinkedAccountAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var cancellationToken = http.RequestAborted;
        // The handler has checked the nonce against this browser's cookie; this checks nobody used it before.
        if (context.Nonce is not { Length: > 0 } nonce
            || !await http.RequestServices.GetRequiredService<OidcReplayGuard>().FirstUseAsync(nonce, context.SecurityToken.ValidTo, cancellationToken))
        {
            http.RequestServices.GetRequiredService<ILogger<OidcOptions>>().LogWarning("An OpenID Connect answer was presented a second time; it was refused");
            context.HandleResponse();
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "oidc_failed", "This answer from the identity provider was already used; nobody was signed in.");
            return;
        }

        var subject = context.Principal?.FindFirst("sub");
        var userId = subject is null || string.IsNullOrEmpty(subject.Issuer) ? null
            : await http.RequestServices.GetRequiredService<ExternalLogins>().FindUserAsync(subject.Issuer, subject.Value, cancellationToken);
        var account = userId is null ? null : await http.RequestServices.GetRequiredService<AccountStore>().FindByIdAsync(userId, cancellationToken);
        if (account is null)
        {
            context.HandleResponse();
            await RefuseAsync(http, StatusCodes.Status403Forbidden, "external_login_unknown",
                "The identity provider signed you in, but no account here is linked to that identity; an administrator can link it.");
            return;
        }

        // Our own session, as for a password sign-in; the handler then issues the cookie and goes to the return address.
        var sessionId = await http.RequestServices.GetRequiredService<SessionStore>().StartAsync(account.UserId, http.Request.Headers.UserAgent, cancellationToken);
        context.Principal = SessionCookie.ToPrincipal(account, sessionId);
    }

    // A browser goes back to the sign-in screen, which explains the code; any other client gets the problem itself.
    private static Task RefuseAsync(HttpContext http, int status, string code, string detail)
    {
        if (http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true))
        {
            http.Response.Redirect($"/sign-in?error={code}");
            return Task.CompletedTask;
        }

        return Problems.Problem(status, "Not signed in", detail, code).ExecuteAsync(http);
    }

    internal sealed record SignInProviders(bool Password, ExternalProvider? Oidc);

    internal sealed record ExternalProvider(string DisplayName, string ChallengeUrl);
}
