using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on Kestrel, on a free loopback port: discovery, JWKS,
/// authorization endpoint, token endpoint, ephemeral keys, authorization code flow with PKCE. Its authorization
/// endpoint signs in whichever subject the test set, without a login page, as a national provider would after
/// the citizen proved who they are. In degraded mode (no application store) it knows one client, checked here.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "questionsessions";
    public const string ClientSecret = "bi-mat-cua-ung-dung";

    private readonly WebApplication _app;
    private int _disposed;

    private TestIdentityProvider(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The issuer the provider names in its metadata and tokens: its own address.</summary>
    public string Issuer => Address.ToString();

    /// <summary>Who the next authorization signs in.</summary>
    public string Subject { get; set; } = "079201000001";

    /// <summary>When set, the authorization endpoint answers this OAuth error (e.g. access_denied) instead of signing anyone in.</summary>
    public string? RefuseWith { get; set; }

    /// <summary>
    /// When set, the token endpoint's answer carries this function's output in place of the ID token it issued: how
    /// a test sends a malformed, forged or misdirected token through the real provider's real token response.
    /// </summary>
    public Func<string, string>? RewriteIdToken { get; set; }

    /// <summary>The key this provider signs with and publishes in its JWKS.</summary>
    public SigningCredentials SigningCredentials =>
        _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials[0];

    public static async Task<TestIdentityProvider> StartAsync()
    {
        // Set once the app has started; the handlers below read the test's settings through it.
        TestIdentityProvider? provider = null;
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0", "--environment", "Production"]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            o.EnableDegradedMode();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            o.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId || !Uri.TryCreate(c.RedirectUri, UriKind.Absolute, out var redirect) || !redirect.IsLoopback)
                {
                    c.Reject(Errors.InvalidClient, "Unknown client or redirect address.");
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.ClientId != ClientId || c.Request.ClientSecret != ClientSecret)
                {
                    c.Reject(Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.ApplyTokenResponseContext>(b => b.UseInlineHandler(c =>
            {
                if (c.Response.IdToken is { } issued && provider?.RewriteIdToken is { } rewrite)
                {
                    c.Response.IdToken = rewrite(issued);
                }

                return default;
            }));
            o.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(b => b.UseInlineHandler(c =>
            {
                if (c.AuthorizationCodePrincipal is { } principal)
                {
                    c.SignIn(principal);
                }

                return default;
            }));
        });

        var app = builder.Build();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest()!;
            if (provider!.RefuseWith is { } error)
            {
                return Results.Forbid(new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Công dân đã từ chối chia sẻ danh tính.",
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            var identity = new ClaimsIdentity("test-provider", Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, provider.Subject);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestIdentityProvider(app, new Uri(address + "/"));
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        // A test may stop the provider early (a provider that does not answer); the fixture then stops it again.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
