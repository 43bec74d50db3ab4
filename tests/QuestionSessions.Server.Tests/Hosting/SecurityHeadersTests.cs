using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// Every kind of response carries the browser's protections: the app's page and files, API answers, problems
/// (including those written by the exception handler, which clears headers), and the OpenAPI document.
/// The deployment's video hosts are the only frames allowed, and the only players the secretariat may set.
/// The tests read, or set the video stream no other test looks at, so they share one node.
/// </summary>
public sealed class SecurityHeadersTests(WebAppNode node) : IClassFixture<WebAppNode>
{
    private WebAppNode Node => node;

    [Theory]
    [InlineData("GET", "/", HttpStatusCode.OK)]
    [InlineData("GET", "/sittings/0199a000-0000-7000-8000-000000000001/watch", HttpStatusCode.OK)]
    [InlineData("GET", "/assets/index-abc123.js", HttpStatusCode.OK)]
    [InlineData("GET", "/api/sittings", HttpStatusCode.OK)]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/sittings/0199a000-0000-7000-8000-0000000000ff", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/sittings/0199a000-0000-7000-8000-000000000001/video-stream", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/api/auth/sign-in", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("GET", "/health/live", HttpStatusCode.OK)]
    public async Task Every_kind_of_response_carries_the_security_headers(string method, string path, HttpStatusCode status)
    {
        using var http = Node.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            // Malformed JSON: the binding failure is answered by the exception handler.
            request.Content = new StringContent("{\"username\":", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Frames_are_allowed_from_the_configured_video_hosts_only()
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("frame-src https://www.youtube-nocookie.com https://tv.hdnd.hanoi.gov.vn;", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_player_on_a_host_outside_the_configured_ones_is_refused_naming_them()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");

        var refused = await SittingAsync(secretariat.Http, DemoSitting, "/video-stream", new { url = "https://www.youtube.com/embed/abc" });
        var accepted = await SittingAsync(secretariat.Http, DemoSitting, "/video-stream", new { url = "https://tv.hdnd.hanoi.gov.vn/phien-chat-van" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("video_host_not_allowed", refused.Body.GetProperty("code").GetString());
        var detail = refused.Body.GetProperty("detail").GetString();
        Assert.Contains("www.youtube-nocookie.com, tv.hdnd.hanoi.gov.vn", detail, StringComparison.Ordinal);
        AcceptedVersion(accepted);
        Assert.Equal("https://tv.hdnd.hanoi.gov.vn/phien-chat-van", (await SittingStateAsync(secretariat.Http, DemoSitting)).GetProperty("videoUrl").GetString());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {(int)response.StatusCode} {response.RequestMessage?.RequestUri}.");

}
