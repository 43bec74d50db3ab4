using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>
/// OpenID Connect sign-in against a real provider started in the test: the flow is driven redirect by redirect with
/// one cookie jar, as a browser would, so each step can be inspected or tampered with.
/// </summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private TestIdentityProvider _provider = null!;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _node = await TestNode.StartAsync(_store.Store, extra:
        [
            $"--Authentication:Oidc:Authority={_provider.Address}",
            $"--Authentication:Oidc:ClientId={TestIdentityProvider.ClientId}",
            $"--Authentication:Oidc:ClientSecret={TestIdentityProvider.ClientSecret}",
            "--Authentication:Oidc:DisplayName=VNeID",
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _provider.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_linked_subject_signs_in_as_its_account_and_lands_on_the_return_address()
    {
        var userId = await LinkAsync("chair.hue", "079201000001");
        _provider.Subject = "079201000001";
        using var browser = new Browser(_node.Address);

        var (status, landing, _) = await browser.SignInThroughProviderAsync("/commitments?body=hue");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/commitments?body=hue", landing);
        var me = await GetAsync(browser.Http, "/api/auth/me");
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(userId, me.GetProperty("userId").GetString());
        Assert.Contains(me.GetProperty("grants").EnumerateArray(), g => g.GetProperty("role").GetString() == "chair");

        // The cookie names one of our server-side sessions: signing out revokes it like any other.
        var cookie = browser.Cookies.GetCookieHeader(_node.Address);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(browser.Http, "/api/auth/sign-out")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(_node.Address, cookie));
    }

    [Fact]
    public async Task An_unknown_subject_signs_nobody_in_and_says_why()
    {
        await LinkAsync("chair.hue", "079201000001");
        _provider.Subject = "079201999999";
        using var browser = new Browser(_node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("external_login_unknown", problem.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task A_browser_refused_an_unknown_subject_goes_back_to_the_sign_in_screen_with_the_reason()
    {
        _provider.Subject = "079201999999";
        using var browser = new Browser(_node.Address, acceptHtml: true);

        var (status, landing, _) = await browser.SignInThroughProviderAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/sign-in?error=external_login_unknown", landing);
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Theory]
    [InlineData("state")]
    [InlineData("code")]
    public async Task A_tampered_answer_from_the_provider_signs_nobody_in(string parameter)
    {
        await LinkAsync("chair.hue", "079201000001");
        _provider.Subject = "079201000001";
        using var browser = new Browser(_node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/", callback => Tamper(callback, parameter));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("oidc_failed", problem.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task A_callback_with_no_flow_behind_it_signs_nobody_in()
    {
        using var browser = new Browser(_node.Address);
        using var response = await browser.Http.GetAsync("/api/auth/oidc/callback?code=abc&state=xyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_off_this_site_is_refused_before_the_provider_is_asked(string returnUrl)
    {
        using var browser = new Browser(_node.Address);
        using var response = await browser.Http.GetAsync($"/api/auth/oidc/challenge?returnUrl={Uri.EscapeDataString(returnUrl)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("return_url_not_local", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_is_a_clear_refusal_not_a_server_error()
    {
        await _provider.DisposeAsync();
        using var browser = new Browser(_node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("oidc_unavailable", problem.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task The_providers_list_names_the_configured_provider()
    {
        using var http = _node.Anonymous();
        var providers = await GetAsync(http, "/api/auth/providers");
        Assert.Equal("VNeID", providers.GetProperty("oidc").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Only_an_administrator_links_an_identity_to_an_account()
    {
        using var chair = await _node.SignInAsync("chair.na");
        var userId = (await GetAsync(chair.Http, "/api/auth/me")).GetProperty("userId").GetString();
        var (status, body) = await PostAsync(chair.Http, $"/api/admin/accounts/{userId}/external-logins", new { issuer = _provider.Issuer, subject = "079201000002" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("role_required", body.GetProperty("code").GetString());
        _provider.Subject = "079201000002";
        using var browser = new Browser(_node.Address);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SignInThroughProviderAsync("/")).Status);
    }

    [Fact]
    public async Task One_identity_cannot_be_linked_to_two_accounts()
    {
        await LinkAsync("chair.hue", "079201000001");
        using var admin = await _node.SignInAsync("admin");
        using var other = await _node.SignInAsync("chair.na");
        var otherId = (await GetAsync(other.Http, "/api/auth/me")).GetProperty("userId").GetString();

        var (status, body) = await PostAsync(admin.Http, $"/api/admin/accounts/{otherId}/external-logins", new { issuer = _provider.Issuer, subject = "079201000001" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("external_login_taken", body.GetProperty("code").GetString());
    }

    private async Task<string> LinkAsync(string username, string subject)
    {
        using var account = await _node.SignInAsync(username);
        var userId = (await GetAsync(account.Http, "/api/auth/me")).GetProperty("userId").GetString()!;
        using var admin = await _node.SignInAsync("admin");
        var (status, _) = await PostAsync(admin.Http, $"/api/admin/accounts/{userId}/external-logins", new { issuer = _provider.Issuer, subject });
        Assert.Equal(HttpStatusCode.OK, status);
        return userId;
    }

    private static Uri Tamper(Uri callback, string parameter)
    {
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        var value = query[parameter]!;
        query[parameter] = value[..^4] + (value[^4] == 'x' ? 'y' : 'x') + value[^3..];
        return new UriBuilder(callback) { Query = query.ToString() }.Uri;
    }

    /// <summary>A cookie jar and a client that does not follow redirects by itself.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly Uri _node;

        public Browser(Uri node, bool acceptHtml = false)
        {
            _node = node;
            Http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = node };
            if (acceptHtml)
            {
                Http.DefaultRequestHeaders.Add("Accept", "text/html");
            }
        }

        public System.Net.CookieContainer Cookies { get; } = new();

        public HttpClient Http { get; }

        /// <summary>
        /// Starts at the challenge and follows redirects until one leaves the flow (back to a page of this site) or
        /// an answer is not a redirect. <paramref name="onCallback"/> may rewrite the provider's answer to us.
        /// </summary>
        public async Task<(HttpStatusCode Status, string? Landing, JsonElement Problem)> SignInThroughProviderAsync(string returnUrl, Func<Uri, Uri>? onCallback = null)
        {
            var next = new Uri(_node, $"/api/auth/oidc/challenge?returnUrl={Uri.EscapeDataString(returnUrl)}");
            for (var hop = 0; hop < 10; hop++)
            {
                if (next.AbsolutePath == "/api/auth/oidc/callback" && onCallback is not null)
                {
                    next = onCallback(next);
                }

                using var response = await Http.GetAsync(next, TestContext.Current.CancellationToken);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
                {
                    return (response.StatusCode, null, text.StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default);
                }

                var location = response.Headers.Location!;
                var absolute = location.IsAbsoluteUri ? location : new Uri(next, location);
                var leavesFlow = absolute.Authority == _node.Authority && !absolute.AbsolutePath.StartsWith("/api/auth/oidc/", StringComparison.Ordinal);
                if (leavesFlow)
                {
                    return (response.StatusCode, absolute.PathAndQuery, default);
                }

                next = absolute;
            }

            throw new InvalidOperationException("The sign-in flow did not end within ten redirects.");
        }

        public void Dispose() => Http.Dispose();
    }
}
