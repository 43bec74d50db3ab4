using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>A sitting not yet opened moves to another start, by its body's secretariat only, with a public reason.</summary>
public sealed class ReschedulingTests : SqliteNodeTest
{
    private const string Reason = "Kỳ họp lùi một ngày theo thông báo của Tổng Thư ký";

    private async Task<DateTimeOffset> StartAsync(HttpClient http) =>
        (await SittingStateAsync(http, DemoSitting)).GetProperty("startsAt").GetDateTimeOffset();

    [Fact]
    public async Task Reschedule_by_the_secretariat_moves_the_start_in_the_view_the_list_and_the_public_history()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var later = (await StartAsync(secretariat.Http)).AddDays(1);

        var (status, body) = await SittingAsync(secretariat.Http, DemoSitting, "/reschedule", new { startsAt = later, reason = Reason });

        Assert.Equal(HttpStatusCode.OK, status);
        using var http = Node.Anonymous();
        Assert.Equal(later, await StartAsync(http));
        var listed = (await GetAsync(http, "/api/sittings")).EnumerateArray().Single(s => s.GetProperty("sittingId").GetGuid() == DemoSitting);
        Assert.Equal(later, listed.GetProperty("startsAt").GetDateTimeOffset());
        var last = (await GetAsync(http, $"/api/sittings/{DemoSitting}/events")).EnumerateArray().Last();
        Assert.Equal("sitting_rescheduled", last.GetProperty("type").GetString());
        Assert.Equal(Reason, last.GetProperty("data").GetProperty("reason").GetString());
        Assert.Equal(AcceptedVersion((status, body)), last.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("na-d-001")]
    [InlineData("chair.na")]
    [InlineData("secretariat.hue")]
    [InlineData("voter")]
    public async Task Reschedule_by_anyone_but_the_secretariat_of_the_body_is_forbidden_and_writes_nothing(string username)
    {
        using var caller = await Node.SignInAsync(username);
        var before = await VersionAsync(caller.Http, DemoSitting);
        var start = await StartAsync(caller.Http);

        var (status, body) = await SittingAsync(caller.Http, DemoSitting, "/reschedule", new { startsAt = start.AddDays(1), reason = Reason });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("role_required", body.GetProperty("code").GetString());
        Assert.Equal(before, await VersionAsync(caller.Http, DemoSitting));
        Assert.Equal(start, await StartAsync(caller.Http));
    }

    [Fact]
    public async Task Reschedule_after_the_sitting_opened_is_a_conflict()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, "/open")).Status);

        var (status, body) = await SittingAsync(secretariat.Http, DemoSitting, "/reschedule", new { startsAt = DateTimeOffset.UtcNow.AddDays(2), reason = Reason });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("sitting_not_scheduled", body.GetProperty("code").GetString());
    }
}
