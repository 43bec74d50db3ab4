using System.Net;
using System.Security.Cryptography;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>
/// What the provider's answer must be before anyone is signed in. Every refusal here runs the whole flow against the
/// real provider, with a linked subject, and checks that no session cookie came back and /me knows nobody; the
/// token cases change only the ID token in the provider's real token response, and a resigned but unchanged token
/// still signs in, so each refusal is the defect's doing.
/// </summary>
public sealed class OidcRefusalTests : OidcTest
{
    private const string Linked = "079201000001";
    private const string OtherLinked = "079201000009";

    [Fact]
    public async Task An_id_token_signed_again_unchanged_with_the_providers_key_still_signs_in()
    {
        await LinkAsync("chair.hue", Linked);
        Provider.RewriteIdToken = token => IdTokens.Resign(token, Provider.SigningCredentials);
        using var browser = new OidcBrowser(Node.Address);

        var (status, landing, _) = await browser.SignInThroughProviderAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/", landing);
        Assert.True(browser.HasSessionCookie);
        Assert.True(await Session.SignedInAsync(browser.Http));
    }

    [Theory]
    [InlineData("naming_another_issuer")]
    [InlineData("signed_with_a_key_the_provider_did_not_publish")]
    [InlineData("altered_after_signing")]
    [InlineData("unsigned")]
    [InlineData("for_another_client")]
    [InlineData("without_the_nonce")]
    [InlineData("with_another_nonce")]
    [InlineData("expired")]
    [InlineData("not_a_token")]
    public async Task An_id_token_that_fails_validation_signs_nobody_in(string defect)
    {
        await LinkAsync("chair.hue", Linked);
        await LinkAsync("admin", OtherLinked);
        Provider.Subject = Linked;
        var key = Provider.SigningCredentials;
        Provider.RewriteIdToken = defect switch
        {
            "naming_another_issuer" => t => IdTokens.Resign(t, key, c => c["iss"] = "https://vneid.gov.vn/"),
            "signed_with_a_key_the_provider_did_not_publish" => t => IdTokens.Resign(t, IdTokens.UnpublishedKey()),
            // The subject of another linked account: only the signature stands between this and signing in as the administrator.
            "altered_after_signing" => t => IdTokens.Alter(t, c => c["sub"] = OtherLinked),
            "unsigned" => IdTokens.Unsigned,
            "for_another_client" => t => IdTokens.Resign(t, key, c => c["aud"] = "ung-dung-khac"),
            "without_the_nonce" => t => IdTokens.Resign(t, key, c => c.Remove("nonce")),
            "with_another_nonce" => t => IdTokens.Resign(t, key, c => c["nonce"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            "expired" => t => IdTokens.Resign(t, key, c =>
            {
                c["iat"] = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
                c["exp"] = new DateTimeOffset(2020, 1, 1, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
            }),
            "not_a_token" => _ => "day-khong-phai-la-ma-dinh-danh",
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "oidc_failed");
    }

    [Fact]
    public async Task A_valid_id_token_without_a_subject_signs_nobody_in()
    {
        await LinkAsync("chair.hue", Linked);
        Provider.RewriteIdToken = t => IdTokens.Resign(t, Provider.SigningCredentials, c => c.Remove("sub"));
        await AssertRefusedAsync(HttpStatusCode.Forbidden, "external_login_unknown");
    }

    [Fact]
    public async Task An_id_token_issued_and_signed_by_another_provider_signs_nobody_in()
    {
        await using var other = await TestIdentityProvider.StartAsync();
        await LinkAsync("chair.hue", Linked);
        Provider.RewriteIdToken = t => IdTokens.Resign(t, other.SigningCredentials, c => c["iss"] = other.Issuer);
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "oidc_failed");
    }

    [Fact]
    public async Task A_subject_linked_at_another_issuer_signs_nobody_in()
    {
        // The same national id number, linked for another provider: a subject is unique only within its issuer.
        using (var admin = await Node.SignInAsync("admin"))
        using (var chair = await Node.SignInAsync("chair.hue"))
        {
            var userId = (await Api.GetAsync(chair.Http, "/api/auth/me")).GetProperty("userId").GetString();
            var (linked, _) = await Api.PostAsync(admin.Http, $"/api/admin/accounts/{userId}/external-logins", new { issuer = "https://vneid.gov.vn/", subject = Linked });
            Assert.Equal(HttpStatusCode.OK, linked);
        }

        Provider.Subject = Linked;
        await AssertRefusedAsync(HttpStatusCode.Forbidden, "external_login_unknown");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_provider_that_answers_access_denied_signs_nobody_in_and_says_so(bool acceptHtml)
    {
        await LinkAsync("chair.hue", Linked);
        Provider.RefuseWith = "access_denied";
        using var browser = new OidcBrowser(Node.Address, acceptHtml);

        var (status, landing, problem) = await browser.SignInThroughProviderAsync("/");

        if (acceptHtml)
        {
            Assert.Equal(HttpStatusCode.Redirect, status);
            Assert.Equal("/sign-in?error=oidc_denied", landing);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Equal("oidc_denied", problem.GetProperty("code").GetString());
        }

        await AssertNobodySignedInAsync(browser);
    }

    [Fact]
    public async Task A_provider_error_other_than_a_refusal_signs_nobody_in()
    {
        await LinkAsync("chair.hue", Linked);
        Provider.RefuseWith = "temporarily_unavailable";
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "oidc_failed");
    }

    [Theory]
    [InlineData("state_removed")]
    [InlineData("correlation_cookie_dropped")]
    [InlineData("nonce_cookie_dropped")]
    public async Task A_callback_missing_its_state_or_its_browser_cookies_signs_nobody_in(string loss)
    {
        await LinkAsync("chair.hue", Linked);
        await AssertRefusedAsync(HttpStatusCode.BadRequest, "oidc_failed", (browser, callback) =>
        {
            switch (loss)
            {
                case "state_removed":
                    var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
                    query.Remove("state");
                    return new UriBuilder(callback) { Query = query.ToString() }.Uri;
                case "correlation_cookie_dropped":
                    browser.Expire(callback, ".AspNetCore.Correlation.");
                    return callback;
                default:
                    browser.Expire(callback, ".AspNetCore.OpenIdConnect.Nonce.");
                    return callback;
            }
        });
    }

    [Fact]
    public async Task A_callback_replayed_with_its_cookies_after_the_sign_in_signs_nobody_in()
    {
        await LinkAsync("chair.hue", Linked);
        using var browser = new OidcBrowser(Node.Address);
        Uri? captured = null;
        var cookies = "";
        var (status, _, _) = await browser.SignInThroughProviderAsync("/", callback =>
        {
            captured = callback;
            cookies = browser.Cookies.GetCookieHeader(callback);
            return callback;
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.True(browser.HasSessionCookie);

        // Someone who kept the callback address and the flow's cookies. This provider, like one that does not track
        // spent codes, answers the code again; the spent nonce is what refuses it.
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, captured);
        request.Headers.Add("Cookie", cookies);
        using var response = await replay.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("oidc_failed", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("qs.auth=", StringComparison.Ordinal) && !c.StartsWith("qs.auth=;", StringComparison.Ordinal));
    }

    /// <summary>Runs the whole flow in a fresh browser and checks it ends in this refusal with nobody signed in.</summary>
    private async Task AssertRefusedAsync(HttpStatusCode expected, string code, Func<OidcBrowser, Uri, Uri>? onCallback = null)
    {
        using var browser = new OidcBrowser(Node.Address);

        var (status, _, problem) = await browser.SignInThroughProviderAsync("/", onCallback is null ? null : callback => onCallback(browser, callback));

        Assert.Equal(expected, status);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        await AssertNobodySignedInAsync(browser);
    }

    private static async Task AssertNobodySignedInAsync(OidcBrowser browser)
    {
        Assert.False(browser.HasSessionCookie);
        Assert.False(await Session.SignedInAsync(browser.Http));
    }
}
