using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Live;

/// <summary>The hub: each message carries the sitting's version; a viewer sees each event once, in order, across reconnects.</summary>
public sealed class LiveStreamTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--Live:MaxCatchUp=50"];

    [Fact]
    public async Task A_viewer_gets_every_event_once_in_version_order()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var start = await VersionAsync(chair.Http, DemoSitting);
        await using var viewer = await Node.ConnectHubAsync();
        var reply = await viewer.JoinAsync(DemoSitting, start, TestContext.Current.CancellationToken);
        Assert.Equal("joined", reply.GetProperty("outcome").GetString());

        await SittingAsync(chair.Http, DemoSitting, "/open");
        await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open");
        for (var i = 0; i < 10; i++)
        {
            await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Chủ tọa", markdown = $"Đoạn {i}" });
        }

        var end = await VersionAsync(chair.Http, DemoSitting);
        var versions = await viewer.VersionsUntilAsync(end);
        Assert.Equal(Enumerable.Range((int)start + 1, (int)(end - start)).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task A_viewer_that_joins_late_catches_up_from_its_version_then_goes_live()
    {
        using var chair = await Node.SignInAsync("chair.na");
        await SittingAsync(chair.Http, DemoSitting, "/open");
        var afterOpen = await VersionAsync(chair.Http, DemoSitting);

        await using var viewer = await Node.ConnectHubAsync();
        var reply = await viewer.JoinAsync(DemoSitting, 0, TestContext.Current.CancellationToken);
        Assert.Equal(afterOpen, reply.GetProperty("version").GetInt64());
        Assert.Equal(afterOpen, reply.GetProperty("caughtUp").GetInt32());

        await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open");
        var versions = await viewer.VersionsUntilAsync(afterOpen + 1);
        Assert.Equal(Enumerable.Range(1, (int)afterOpen + 1).Select(v => (long)v), versions);
        var last = await viewer.NextEventOrNullAsync(TimeSpan.FromMilliseconds(500));
        Assert.Null(last);
    }

    [Fact]
    public async Task A_dropped_viewer_resumes_from_its_last_version_with_no_gap_and_no_duplicate()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        await SittingAsync(chair.Http, DemoSitting, "/open");
        var start = await VersionAsync(chair.Http, DemoSitting);

        var first = await Node.ConnectHubAsync();
        await first.JoinAsync(DemoSitting, start, TestContext.Current.CancellationToken);
        for (var i = 0; i < 5; i++)
        {
            await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Thư ký", markdown = $"Trước khi mất kết nối {i}" });
        }

        var seen = await first.VersionsUntilAsync(start + 5);
        first.Abort();
        await first.DisposeAsync();

        // Events written while the viewer is away.
        for (var i = 0; i < 5; i++)
        {
            await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Thư ký", markdown = $"Khi mất kết nối {i}" });
        }

        await using var second = await Node.ConnectHubAsync();
        var reply = await second.JoinAsync(DemoSitting, seen[^1], TestContext.Current.CancellationToken);
        Assert.Equal(5, reply.GetProperty("caughtUp").GetInt32());
        await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Thư ký", markdown = "Sau khi kết nối lại" });
        seen.AddRange(await second.VersionsUntilAsync(start + 11));

        Assert.Equal(Enumerable.Range((int)start + 1, 11).Select(v => (long)v), seen);
    }

    [Fact]
    public async Task A_viewer_too_far_behind_is_told_to_reload_the_state()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var chair = await Node.SignInAsync("chair.na");
        await SittingAsync(chair.Http, DemoSitting, "/open");
        for (var i = 0; i < 55; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Thư ký", markdown = $"Đoạn {i}" })).Status);
        }

        await using var viewer = await Node.ConnectHubAsync();
        var reply = await viewer.JoinAsync(DemoSitting, 0, TestContext.Current.CancellationToken);
        Assert.Equal("reloadRequired", reply.GetProperty("outcome").GetString());

        var state = await SittingStateAsync(secretariat.Http, DemoSitting);
        var resumed = await viewer.JoinAsync(DemoSitting, state.GetProperty("version").GetInt64(), TestContext.Current.CancellationToken);
        Assert.Equal("joined", resumed.GetProperty("outcome").GetString());
        Assert.Equal(0, resumed.GetProperty("caughtUp").GetInt32());
    }

    [Fact]
    public async Task A_transcript_event_carries_the_server_rendered_html_and_other_events_none()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        await SittingAsync(chair.Http, DemoSitting, "/open");
        var start = await VersionAsync(chair.Http, DemoSitting);
        await using var viewer = await Node.ConnectHubAsync();
        await viewer.JoinAsync(DemoSitting, start - 1, TestContext.Current.CancellationToken);

        await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new
        {
            speakerName = "Bộ trưởng",
            markdown = "Sẽ **hoàn thành** <script>alert(1)</script> [xem](javascript:alert(1))",
        });

        var opened = await viewer.NextEventAsync();
        Assert.Equal("sitting_opened", opened.GetProperty("type").GetString());
        Assert.False(opened.TryGetProperty("html", out _));
        var segment = await viewer.NextEventAsync();
        Assert.Equal("transcript_segment_published", segment.GetProperty("type").GetString());
        var html = segment.GetProperty("html").GetString()!;
        Assert.Contains("<strong>hoàn thành</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);

        // The history endpoint gives the same rendering.
        using var http = Node.Anonymous();
        var history = await GetAsync(http, $"/api/sittings/{DemoSitting}/events?after={start}");
        Assert.Equal(html, history[0].GetProperty("html").GetString());
    }
}
