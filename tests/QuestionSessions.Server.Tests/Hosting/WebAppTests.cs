using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// The web app is served at / with its client routes, over a web root of this class's own (the real
/// build is tested end to end in web/e2e); the server's own paths never fall back to the app. The tests
/// only read, so they share one node.
/// </summary>
public sealed class WebAppTests(WebAppNode node) : IClassFixture<WebAppNode>
{
    private WebAppNode Node => node;

    // Issue 3: client routes such as /sittings/{id}/watch are reachable by URL.
    [Theory]
    [InlineData("/")]
    [InlineData("/sittings/0199a000-0000-7000-8000-000000000001/watch")]
    [InlineData("/sittings/0199a000-0000-7000-8000-000000000001/chair")]
    [InlineData("/sign-in")]
    public async Task Client_routes_answer_with_the_app(string path)
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/sittings/not-a-guid")]
    [InlineData("/hubs/unknown")]
    [InlineData("/assets/missing.js")]
    public async Task Unknown_server_paths_and_files_are_404_not_the_app(string path)
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<div id=\"app\">", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_a_year_and_compressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = Node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/index-abc123.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Api_answers_are_not_compressed()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = Node.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/sittings");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    /// <summary>A web root with an index.html and one hashed asset, for tests of how the app is served.</summary>
    internal static DirectoryInfo CreateRoot()
    {
        var root = Directory.CreateTempSubdirectory("qs-webroot-");
        File.WriteAllText(Path.Combine(root.FullName, "index.html"), "<!doctype html><html lang=\"vi\"><body><div id=\"app\"></div></body></html>");
        Directory.CreateDirectory(Path.Combine(root.FullName, "assets"));
        File.WriteAllText(Path.Combine(root.FullName, "assets", "index-abc123.js"), string.Concat(Enumerable.Repeat("console.log('chất vấn');\n", 200)));
        return root;
    }
}
