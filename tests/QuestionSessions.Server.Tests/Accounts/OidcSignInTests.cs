using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>
/// OpenID Connect sign-in against a real provider started in the test: the flow is driven redirect by redirect with
/// one cookie jar, as a browser would, so each step can be inspected or tampered with.
/// </summary>
public sealed class OidcSignInTests : OidcTest
{
    [Fact]
    public async Task A_linked_subject_signs_in_as_its_account_and_lands_on_the_return_address()
    {
        var userId = await LinkAsync("chair.hue", "079201000001");
        Provider.Subject = "079201000001";
        using var browser = new OidcBrowser(Node.Address);

        var (status, landing, _) = await browser.SignInThroughProviderAsync("/commitments?body=hue");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/commitments?body=hue", landing);
        var me = await GetAsync(browser.Http, "/api/auth/me");
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal(userId, me.GetProperty("userId").GetString());
        Assert.Contains(me.GetProperty("grants").EnumerateArray(), g => g.GetProperty("role").GetString() == "chair");

        // The cookie names one of our server-side sessions: signing out revokes it like any other.
        var cookie = browser.Cookies.GetCookieHeader(Node.Address);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(browser.Http, "/api/auth/sign-out")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, cookie));
    }

    [Fact]
    public async Task An_unknown_subject_signs_nobody_in_and_says_why()
    {
        await LinkAsync("chair.hue", "079201000001");
        Provider.Subject = "079201999999";
        using var browser = new OidcBrowser(Node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("external_login_unknown", problem.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task A_password_lockout_does_not_lock_the_account_out_of_the_identity_provider()
    {
        // The lock guards the password against guessing and anyone can trigger it by naming the account: it must
        // not let a stranger keep a citizen from signing in with the national identity, which proves who they are.
        await LinkAsync("chair.hue", "079201000001");
        using var guesser = Node.Anonymous();
        HttpStatusCode last = default;
        for (var i = 0; i < 5; i++)
        {
            last = (await Session.SignInAsync(guesser, "chair.hue", "doan-mo-mat-khau")).Status;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Session.SignInAsync(guesser, "chair.hue", TestNode.DemoPassword)).Status);
        Provider.Subject = "079201000001";
        using var browser = new OidcBrowser(Node.Address);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInThroughProviderAsync("/")).Status);
        Assert.True(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task A_browser_refused_an_unknown_subject_goes_back_to_the_sign_in_screen_with_the_reason()
    {
        Provider.Subject = "079201999999";
        using var browser = new OidcBrowser(Node.Address, acceptHtml: true);

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
        Provider.Subject = "079201000001";
        using var browser = new OidcBrowser(Node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/", callback => Tamper(callback, parameter));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("oidc_failed", problem.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task A_callback_with_no_flow_behind_it_signs_nobody_in()
    {
        using var browser = new OidcBrowser(Node.Address);
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
        using var browser = new OidcBrowser(Node.Address);
        using var response = await browser.Http.GetAsync($"/api/auth/oidc/challenge?returnUrl={Uri.EscapeDataString(returnUrl)}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("return_url_not_local", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_is_a_clear_refusal_not_a_server_error()
    {
        await Provider.DisposeAsync();
        using var browser = new OidcBrowser(Node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("oidc_unavailable", problem.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(browser.Http));
    }

    [Fact]
    public async Task The_providers_list_names_the_configured_provider_and_its_link_leads_to_it()
    {
        using var http = Node.Anonymous();
        var providers = await GetAsync(http, "/api/auth/providers");
        Assert.True(providers.GetProperty("password").GetBoolean());
        var oidc = providers.GetProperty("oidc");
        Assert.Equal("VNeID", oidc.GetProperty("displayName").GetString());

        // The sign-in screen's button is this address with the return path appended: it must reach the provider.
        using var browser = new OidcBrowser(Node.Address);
        using var challenge = await browser.Http.GetAsync($"{oidc.GetProperty("challengeUrl").GetString()}?returnUrl=%2Ffollows", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(new Uri(Provider.Address, "connect/authorize").ToString(), challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_links_an_identity_to_an_account()
    {
        using var chair = await Node.SignInAsync("chair.na");
        var userId = (await GetAsync(chair.Http, "/api/auth/me")).GetProperty("userId").GetString();
        var (status, body) = await PostAsync(chair.Http, $"/api/admin/accounts/{userId}/external-logins", new { issuer = Provider.Issuer, subject = "079201000002" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("role_required", body.GetProperty("code").GetString());
        Provider.Subject = "079201000002";
        using var browser = new OidcBrowser(Node.Address);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SignInThroughProviderAsync("/")).Status);
    }

    [Fact]
    public async Task One_identity_cannot_be_linked_to_two_accounts()
    {
        await LinkAsync("chair.hue", "079201000001");
        using var admin = await Node.SignInAsync("admin");
        using var other = await Node.SignInAsync("chair.na");
        var otherId = (await GetAsync(other.Http, "/api/auth/me")).GetProperty("userId").GetString();

        var (status, body) = await PostAsync(admin.Http, $"/api/admin/accounts/{otherId}/external-logins", new { issuer = Provider.Issuer, subject = "079201000001" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("external_login_taken", body.GetProperty("code").GetString());
    }

    private static Uri Tamper(Uri callback, string parameter)
    {
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        var value = query[parameter]!;
        query[parameter] = value[..^4] + (value[^4] == 'x' ? 'y' : 'x') + value[^3..];
        return new UriBuilder(callback) { Query = query.ToString() }.Uri;
    }
}
