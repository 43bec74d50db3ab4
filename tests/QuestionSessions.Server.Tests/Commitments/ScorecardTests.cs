using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>
/// Scorecards count what the ledger holds: a claim before the deadline is on time, one after it late by its
/// days, a verified claim is told apart from one only claimed; the time discipline counts the past demo
/// sitting's turns against their limits.
/// </summary>
public sealed class ScorecardTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task An_agencys_scorecard_counts_on_time_late_overdue_verified_and_claimed()
    {
        using var http = Node.Anonymous();
        var ledger = await Ledger.Eventually(http, "/api/commitments?agency=hue-a-health&kind=commitment", p => p.GetProperty("total").GetInt32() == 3);
        var items = ledger.GetProperty("items").EnumerateArray().ToList();
        var overdue = items.Single(i => i.GetProperty("overdue").GetBoolean());
        var onTime = items.First(i => !i.GetProperty("overdue").GetBoolean());
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var daysLate = today.DayNumber - DateOnly.Parse(overdue.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture).DayNumber;

        var before = await GetAsync(http, "/api/bodies/pc-hue/scorecards?agency=hue-a-health");
        var card = Assert.Single(before.EnumerateArray());
        Assert.Equal((3, 1, 0, 0), (card.GetProperty("made").GetInt32(), card.GetProperty("overdueNow").GetInt32(),
            card.GetProperty("fulfilledOnTime").GetInt32(), card.GetProperty("fulfilledLate").GetInt32()));
        Assert.Equal(daysLate, card.GetProperty("medianDaysLate").GetDouble());

        using var officer = await Node.SignInAsync("officer.hue-health");
        AcceptedVersion(await PostAsync(officer.Http, $"/api/commitments/{onTime.GetProperty("commitmentId").GetGuid()}/claim", new { markdown = "Đã thực hiện" }));
        AcceptedVersion(await PostAsync(officer.Http, $"/api/commitments/{overdue.GetProperty("commitmentId").GetGuid()}/claim", new { markdown = "Đã công khai" }));
        using var supervisor = await Node.SignInAsync("supervisor.hue");
        AcceptedVersion(await PostAsync(supervisor.Http, $"/api/commitments/{onTime.GetProperty("commitmentId").GetGuid()}/assessment",
            new { assessment = "verified", note = "Đã kiểm tra tại các trạm y tế" }));

        card = Assert.Single((await GetAsync(http, "/api/bodies/pc-hue/scorecards?agency=hue-a-health")).EnumerateArray());
        Assert.Equal(0, card.GetProperty("overdueNow").GetInt32());
        Assert.Equal(1, card.GetProperty("fulfilledOnTime").GetInt32());
        Assert.Equal(1, card.GetProperty("fulfilledLate").GetInt32());
        Assert.Equal(daysLate, card.GetProperty("medianDaysLate").GetDouble());
        Assert.Equal(1, card.GetProperty("verified").GetInt32());
        Assert.Equal(1, card.GetProperty("onlyClaimed").GetInt32());

        var officials = await GetAsync(http, "/api/bodies/pc-hue/scorecards?by=official");
        Assert.Contains(officials.EnumerateArray(), o => o.GetProperty("key").GetString() == "hue-o-health" && o.GetProperty("made").GetInt32() == 3);

        var history = (await GetAsync(http, "/api/bodies/pc-hue/commitment-history?months=2")).EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(6, history[^1].GetProperty("made").GetInt32());
        Assert.Equal(2, history[^1].GetProperty("kept").GetInt32());
    }

    [Fact]
    public async Task Time_discipline_counts_each_speakers_turns_within_the_limit_and_minutes_over()
    {
        using var http = Node.Anonymous();
        var view = await GetAsync(http, $"/api/bodies/pc-hue/time-discipline?sitting={PastDemoSitting}");
        var sitting = await SittingStateAsync(http, PastDemoSitting);
        var finished = sitting.GetProperty("turns").EnumerateArray().Where(t => t.GetProperty("duration").ValueKind != System.Text.Json.JsonValueKind.Null).ToList();
        Assert.Equal(finished.Count, view.GetProperty("turns").GetInt32());
        var over = finished.Count(t => t.GetProperty("overrun").GetString() != "00:00:00");
        Assert.Equal(finished.Count - over, view.GetProperty("withinLimit").GetInt32());
        Assert.True(over > 0);
        var speakers = view.GetProperty("speakers").EnumerateArray().ToList();
        Assert.Contains(speakers, s => s.GetProperty("role").GetString() == "respondent");
        Assert.Contains(speakers, s => s.GetProperty("role").GetString() == "deputy");
        Assert.Equal(view.GetProperty("turns").GetInt32(), speakers.Sum(s => s.GetProperty("turns").GetInt32()));
    }

    [Fact]
    public async Task An_unknown_body_is_not_found_and_a_bad_grouping_or_period_is_a_problem()
    {
        using var http = Node.Anonymous();
        foreach (var (path, status) in (ValueTuple<string, HttpStatusCode>[])[
            ("/api/bodies/nowhere/scorecards", HttpStatusCode.NotFound),
            ("/api/bodies/pc-hue/scorecards?by=deputy", HttpStatusCode.BadRequest),
            ("/api/bodies/pc-hue/commitment-history?months=0", HttpStatusCode.BadRequest),
            ("/api/bodies/pc-hue/commitment-history?months=37", HttpStatusCode.BadRequest),
            ("/api/bodies/nowhere/time-discipline", HttpStatusCode.NotFound)])
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(status, response.StatusCode);
        }
    }
}
