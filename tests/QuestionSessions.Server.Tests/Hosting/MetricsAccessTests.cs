using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Cluster;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>Who may read <c>/metrics</c>: an administrator on the main port, anyone on the metrics port, which serves nothing else.</summary>
public sealed class MetricsAccessTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly int _metricsPort = SiloHosting.FreePort();
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() =>
        _node = await TestNode.StartAsync(_store.Store, extra: [$"--Telemetry:MetricsPort={_metricsPort}"]);

    [Fact]
    public async Task Metrics_on_the_main_port_refuse_a_signed_out_caller()
    {
        using var http = _node.Anonymous();
        var (status, code) = await GetAsync(http, "/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("sign_in_required", code);
    }

    [Theory]
    [InlineData("chair.na")]
    [InlineData("secretariat.hue")]
    public async Task Metrics_on_the_main_port_refuse_anyone_without_the_admin_grant(string username)
    {
        using var user = await _node.SignInAsync(username);
        var (status, code) = await GetAsync(user.Http, "/metrics");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("admin_required", code);
    }

    [Fact]
    public async Task Metrics_on_the_main_port_answer_an_administrator()
    {
        using var admin = await _node.SignInAsync("admin");
        var scrape = await MetricsTests.ScrapeAsync(admin.Http);
        Assert.True(scrape.Has("qs_connections"), scrape.Text);
    }

    [Fact]
    public async Task The_metrics_port_serves_metrics_to_anyone_and_nothing_else()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_metricsPort}") };
        var scrape = await MetricsTests.ScrapeAsync(http);
        Assert.True(scrape.Has("qs_connections"), scrape.Text);

        var (status, code) = await GetAsync(http, "/api/sittings");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("metrics_port_only", code);
        (status, _) = await GetAsync(http, "/");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static async Task<(HttpStatusCode Status, string? Code)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        return (response.StatusCode, problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null);
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }
}
