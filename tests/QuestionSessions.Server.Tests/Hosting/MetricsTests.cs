using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// Runs alone: the command and append instruments are process-wide, so while this class counts, no other test's
/// node may be sending commands in the same process.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary><c>/metrics</c> after a scripted sitting: the counts it caused, read as an operator's scraper reads them.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsTests : SqliteNodeTest
{
    [Fact]
    public async Task A_scripted_sitting_shows_its_commands_appends_and_viewer_in_the_metrics()
    {
        using var admin = await Node.SignInAsync("admin");
        using var chair = await Node.SignInAsync("chair.na");
        using var deputy = await Node.SignInAsync("na-d-002");
        using var other = await Node.SignInAsync("na-d-001");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var start = await VersionAsync(chair.Http, DemoSitting);
        await using var viewer = await Node.ConnectHubAsync();
        Assert.Equal("joined", (await viewer.JoinAsync(DemoSitting, start, TestContext.Current.CancellationToken)).GetProperty("outcome").GetString());
        var before = await ScrapeAsync(admin.Http);

        AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));
        AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open"));
        AcceptedVersion(await SittingAsync(deputy.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Vì sao giá thuốc tăng?" }));
        AcceptedVersion(await SittingAsync(other.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Khi nào có đủ thuốc bảo hiểm?" }));
        for (var i = 0; i < 3; i++)
        {
            AcceptedVersion(await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Chủ tọa", markdown = $"Đoạn {i}" }));
        }

        // No question has been called: the answer is refused and nothing is appended.
        Assert.Equal(HttpStatusCode.Conflict, (await SittingAsync(chair.Http, DemoSitting, "/turns", new { kind = "answer" })).Status);
        var end = await VersionAsync(chair.Http, DemoSitting);
        await viewer.VersionsUntilAsync(end);

        var after = await ScrapeAsync(admin.Http);
        double Commands(PrometheusScrape s, string command, string outcome) => s.Sum("qs_command_duration_milliseconds_count",
            ("aggregate", "sitting"), ("command", command), ("outcome", outcome));
        double Delta(string command, string outcome) => Commands(after, command, outcome) - Commands(before, command, outcome);

        Assert.Equal(1, Delta("OpenSitting", "accepted"));
        Assert.Equal(1, Delta("OpenCluster", "accepted"));
        Assert.Equal(2, Delta("RegisterToSpeak", "accepted"));
        Assert.Equal(3, Delta("PublishTranscriptSegment", "accepted"));
        Assert.Equal(1, Delta("StartTurn", "refused"));
        Assert.Equal(0, Delta("StartTurn", "accepted"));

        // One append per accepted command, and each reached the viewer through the relay.
        Assert.Equal(7, after.Sum("qs_append_duration_milliseconds_count", ("provider", "Sqlite"))
            - before.Sum("qs_append_duration_milliseconds_count", ("provider", "Sqlite")));
        Assert.Equal(end - start, after.Sum("qs_relay_lag_milliseconds_count") - before.Sum("qs_relay_lag_milliseconds_count"));
        Assert.Equal(1, after.Sum("qs_viewers", ("sitting", DemoSitting.ToString())));
        Assert.True(after.Sum("qs_connections") >= 1, after.Text);

        // Orleans' own meter and the runtime's are collected too.
        Assert.Contains("orleans_", after.Text, StringComparison.Ordinal);
        Assert.Contains("dotnet_", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_viewers_gauge_drops_a_viewer_that_leaves()
    {
        using var admin = await Node.SignInAsync("admin");
        await using (var viewer = await Node.ConnectHubAsync())
        {
            await viewer.JoinAsync(LiveDemoSitting, 0, TestContext.Current.CancellationToken);
            Assert.Equal(1, (await ScrapeAsync(admin.Http)).Sum("qs_viewers", ("sitting", LiveDemoSitting.ToString())));
        }

        await WaitForAsync(async () => (await ScrapeAsync(admin.Http)).Sum("qs_viewers", ("sitting", LiveDemoSitting.ToString())) == 0);
    }

    internal static async Task<PrometheusScrape> ScrapeAsync(HttpClient http)
    {
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return PrometheusScrape.Parse(text);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}

/// <summary>A request turned away by a rate limit is counted as a busy refusal, with its reason.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class BusyRefusalMetricsTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--RateLimits:PublicFilingPerMinute=1"];

    [Fact]
    public async Task A_rate_limited_request_counts_as_a_busy_refusal()
    {
        using var admin = await Node.SignInAsync("admin");
        using var http = Node.Anonymous();
        var before = await MetricsTests.ScrapeAsync(admin.Http);

        // The first takes the minute's one permit whatever its body; the second is turned away before it is read.
        await PostAsync(http, "/api/explanations", new { });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(http, "/api/explanations", new { })).Status);

        var after = await MetricsTests.ScrapeAsync(admin.Http);
        Assert.Equal(1, after.Sum("qs_busy_refusals_total", ("reason", "rate_limited")) - before.Sum("qs_busy_refusals_total", ("reason", "rate_limited")));
    }
}
