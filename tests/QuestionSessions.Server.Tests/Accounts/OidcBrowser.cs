using System.Net;
using System.Text.Json;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>A cookie jar and a client that does not follow redirects by itself.</summary>
internal sealed class OidcBrowser : IDisposable
{
    private readonly Uri _node;

    public OidcBrowser(Uri node, bool acceptHtml = false)
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

    /// <summary>Whether the jar holds a session cookie from the node (the qs.auth cookie, with a value).</summary>
    public bool HasSessionCookie => Cookies.GetAllCookies().Any(c => c.Name == "qs.auth" && !c.Expired && c.Value.Length > 0);

    /// <summary>Drops the cookies for <paramref name="address"/> whose names start with <paramref name="prefix"/>, as a browser that lost them would.</summary>
    public void Expire(Uri address, string prefix)
    {
        var dropped = Cookies.GetCookies(address).Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dropped);
        foreach (var cookie in dropped)
        {
            cookie.Expired = true;
        }
    }

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
