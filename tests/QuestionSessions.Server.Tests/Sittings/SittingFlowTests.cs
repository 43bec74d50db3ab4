using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>A questioning sitting end to end over HTTP on a real node, with the clock moved by hand.</summary>
public sealed class SittingFlowTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task Demo_seed_has_the_three_levels_of_body_and_a_scheduled_sitting()
    {
        using var http = Node.Anonymous();
        var bodies = await GetAsync(http, "/api/bodies");
        Assert.Equal(["na", "pc-hue", "pc-hue-thuan-hoa"], bodies.EnumerateArray().Select(b => b.GetProperty("bodyId").GetString()));
        var sittings = await GetAsync(http, "/api/sittings");
        var sitting = Assert.Single(sittings.EnumerateArray(), s => s.GetProperty("sittingId").GetGuid() == DemoSitting);
        Assert.Equal("scheduled", sitting.GetProperty("status").GetString());
        Assert.Equal(2, sitting.GetProperty("clusters").GetInt32());
        Assert.Equal(3, sitting.GetProperty("questions").GetInt32());
    }

    // Issue 3: the home page shows live, upcoming and past sittings, so the demo has one of each.
    [Fact]
    public async Task Demo_seed_has_a_live_and_a_past_sitting_run_through_the_command_path()
    {
        using var http = Node.Anonymous();
        var statuses = (await GetAsync(http, "/api/sittings")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("bodyId").GetString()!, s => s.GetProperty("status").GetString());
        Assert.Equal("scheduled", statuses["na"]);
        Assert.Equal("closed", statuses["pc-hue"]);
        Assert.Equal("open", statuses["pc-hue-thuan-hoa"]);

        var past = await SittingStateAsync(http, PastDemoSitting);
        Assert.Contains(past.GetProperty("turns").EnumerateArray(), t => t.GetProperty("overrun").GetString() != "00:00:00");
        Assert.Equal(4, past.GetProperty("commitments").GetArrayLength());
        var owed = past.GetProperty("questions").EnumerateArray().Where(q => q.GetProperty("status").GetString() == "writtenAnswerDue").ToList();
        Assert.Equal(2, owed.Count);
        Assert.All(owed, q => Assert.NotEqual(JsonValueKind.Null, q.GetProperty("writtenAnswerDueBy").ValueKind));
        Assert.True(past.GetProperty("startsAt").GetDateTimeOffset() < _clock.GetUtcNow().AddDays(-7));

        var live = await SittingStateAsync(http, LiveDemoSitting);
        Assert.NotEqual(JsonValueKind.Null, live.GetProperty("openClusterId").ValueKind);
        Assert.Equal(JsonValueKind.Null, live.GetProperty("currentTurn").ValueKind);
        Assert.True(live.GetProperty("openedAt").GetDateTimeOffset() <= _clock.GetUtcNow());
    }

    [Fact]
    public async Task A_cluster_runs_from_registration_to_commitment_and_close()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var deputy = await Node.SignInAsync("na-d-002");

        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, "/open")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open")).Status);
        var registered = await SittingAsync(deputy.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Vì sao giá thuốc tăng?" });
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        var registrationId = Id(registered.Body);

        // An answer with no question called is refused and changes nothing.
        var before = await VersionAsync(chair.Http, DemoSitting);
        var early = await SittingAsync(chair.Http, DemoSitting, "/turns", new { kind = "answer" });
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal("no_question_to_answer", early.Body.GetProperty("code").GetString());
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));

        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, "/speakers/next", new { count = 1 })).Status);
        var question = await SittingAsync(chair.Http, DemoSitting, "/turns", new { kind = "question", registrationId });
        Assert.Equal(HttpStatusCode.OK, question.Status);
        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, $"/turns/{Id(question.Body)}/end")).Status);

        var answer = await SittingAsync(chair.Http, DemoSitting, "/turns", new { kind = "answer" });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        _clock.Advance(TimeSpan.FromSeconds(3 * 60 + 25));
        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, $"/turns/{Id(answer.Body)}/end")).Status);

        var state = await SittingStateAsync(chair.Http, DemoSitting);
        var turns = state.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(["question", "answer"], turns.Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal("00:00:00", turns[0].GetProperty("overrun").GetString());
        Assert.Equal("00:00:25", turns[1].GetProperty("overrun").GetString());
        Assert.Equal("00:03:00", turns[1].GetProperty("limit").GetString());

        var questionId = turns[0].GetProperty("questionIds")[0].GetGuid();
        var deadline = DateOnly.FromDateTime(_clock.GetUtcNow().AddDays(90).UtcDateTime);
        var commitment = await SittingAsync(secretariat.Http, DemoSitting, "/commitments",
            new { questionId, agencyId = "na-a-health", text = "Ban hành danh mục thuốc đấu thầu tập trung quốc gia", deadline });
        Assert.Equal(HttpStatusCode.OK, commitment.Status);

        var segment = await SittingAsync(secretariat.Http, DemoSitting, "/transcript",
            new { speakerName = "Bộ trưởng Bộ Y tế", markdown = "**Cam kết** <script>alert(1)</script> [xem](javascript:alert(1)) [nguồn](https://quochoi.vn)" });
        Assert.Equal(HttpStatusCode.OK, segment.Status);

        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair.Http, DemoSitting, "/close")).Status);
        state = await SittingStateAsync(chair.Http, DemoSitting);
        Assert.Equal("closed", state.GetProperty("status").GetString());
        var recorded = Assert.Single(state.GetProperty("commitments").EnumerateArray());
        Assert.Equal(questionId, recorded.GetProperty("questionId").GetGuid());
        Assert.Equal("na-o-health", recorded.GetProperty("respondent").GetProperty("officialId").GetString());

        Assert.Equal(1, state.GetProperty("transcriptSegments").GetInt32());
        var published = Assert.Single(await TranscriptAsync(chair.Http, DemoSitting));
        Assert.Equal(segment.Body.GetProperty("version").GetInt64(), published.GetProperty("version").GetInt64());
        var html = published.GetProperty("html").GetString()!;
        Assert.Contains("<strong>Cam kết</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://quochoi.vn\"", html, StringComparison.Ordinal);

        // The three demo slips were never reached: each is now owed in writing within the profile's 20 days.
        var due = state.GetProperty("questions").EnumerateArray()
            .Where(q => q.GetProperty("status").GetString() == "writtenAnswerDue").ToList();
        Assert.Equal(3, due.Count);
        var expected = DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(20);
        Assert.All(due, q => Assert.Equal(expected, DateOnly.Parse(q.GetProperty("writtenAnswerDueBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_retried_command_with_the_same_idempotency_key_writes_once()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var deputy = await Node.SignInAsync("na-d-003");
        await SittingAsync(chair.Http, DemoSitting, "/open");
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "slip-" + Guid.NewGuid() };
        var body = new { clusterId = HealthCluster, respondentId = "na-o-health", text = "Bảo hiểm y tế chi trả thuốc ngoài danh mục?" };

        var first = await SittingAsync(deputy.Http, DemoSitting, "/questions", body, headers);
        var second = await SittingAsync(deputy.Http, DemoSitting, "/questions", body, headers);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body.GetProperty("version").GetInt64(), second.Body.GetProperty("version").GetInt64());
        Assert.Equal(Id(first.Body), Id(second.Body));
        Assert.Equal(first.Body.GetProperty("version").GetInt64(), await VersionAsync(deputy.Http, DemoSitting));
        var state = await SittingStateAsync(deputy.Http, DemoSitting);
        Assert.Single(state.GetProperty("questions").EnumerateArray(), q => q.GetProperty("deputyId").GetString() == "na-d-003");
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_writes_nothing()
    {
        using var chair = await Node.SignInAsync("chair.na");
        var version = await VersionAsync(chair.Http, DemoSitting);
        var stale = await SittingAsync(chair.Http, DemoSitting, "/open", null, new Dictionary<string, string> { ["If-Match"] = $"\"{version - 1}\"" });
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Equal("version_mismatch", stale.Body.GetProperty("code").GetString());
        Assert.Equal(version, await VersionAsync(chair.Http, DemoSitting));

        var fresh = await SittingAsync(chair.Http, DemoSitting, "/open", null, new Dictionary<string, string> { ["If-Match"] = $"\"{version}\"" });
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(version + 1, fresh.Body.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Health_OpenApi_and_unknown_sittings_answer_plainly()
    {
        using var http = Node.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
        var openApi = await GetAsync(http, "/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/sittings", paths);
        Assert.Contains("/api/sittings/{sittingId}/turns", paths);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/sittings/{Guid.NewGuid()}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
