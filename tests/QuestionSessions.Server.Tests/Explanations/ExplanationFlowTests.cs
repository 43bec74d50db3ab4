using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Server.Tests.Commitments;
using static QuestionSessions.Server.Tests.Explanations.Requests;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Explanations;

/// <summary>
/// A request for explanation over HTTP on a real node whose clock the test moves: filed by anyone, accepted,
/// extended, met on, explained and rated; its two deadlines passing; sent on to another agency with a new clock.
/// </summary>
public sealed class ExplanationFlowTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(Monday);

    private protected override TimeProvider Clock => _clock;

    private protected override string[] ExtraArguments => ["--RateLimits:PublicFilingPerMinute=1000"];

    [Fact]
    public async Task A_request_is_filed_accepted_extended_explained_and_rated()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http);
        Assert.Matches("^GT-[0-9A-Z]{4}-[0-9A-Z]{4}$", filed.Code);
        Assert.Equal("2026-03-09", filed.AcknowledgeBy);
        Assert.Equal(32, filed.Secret.Length);

        var (status, mine) = await ReadAsync(http, filed.ByCode, filed.SecretHeader);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("requester", "received"), (mine.GetProperty("audience").GetString(), mine.GetProperty("status").GetString()));
        Assert.Equal(["explanation_request_filed"], Types(mine));
        // A code typed by hand, in lower case and without hyphens, finds it too.
        var typed = filed.Code.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(http, $"/api/explanations/by-code/{typed}", filed.SecretHeader)).Status);

        // A day later the ministry accepts: the explanation is owed 15 days after that day.
        _clock.Advance(TimeSpan.FromDays(1));
        using var officer = await Node.SignInAsync("officer.na-health");
        Accepted(await PostAsync(officer.Http, $"{filed.Path}/acceptance"));
        var accepted = (await ReadAsync(officer.Http, filed.Path)).Body;
        Assert.Equal(("agency", "accepted", "2026-03-18"),
            (accepted.GetProperty("audience").GetString(), accepted.GetProperty("status").GetString(), accepted.GetProperty("explainBy").GetString()));
        Assert.False(accepted.GetProperty("acknowledgedLate").GetBoolean());

        var extension = new { reason = "Cần xác minh hồ sơ tại Sở Y tế", days = 10 };
        Accepted(await PostAsync(officer.Http, $"{filed.Path}/extension", extension));
        Accepted(await PostAsync(officer.Http, $"{filed.Path}/extension", extension)); // a retry changes nothing
        var twice = await PostAsync(officer.Http, $"{filed.Path}/extension", new { reason = "Thêm thời gian", days = 5 });
        Assert.Equal((HttpStatusCode.Conflict, "already_extended"), (twice.Status, Code(twice.Body)));

        Accepted(await PostAsync(officer.Http, $"{filed.Path}/meetings", new { date = "2026-03-03", minutesMarkdown = "Biên bản làm việc với người yêu cầu tại trụ sở Bộ" }));
        Accepted(await PostAsync(officer.Http, $"{filed.Path}/explanation", new
        {
            markdown = "Giấy phép bị thu hồi vì phòng khám **không đủ điều kiện** hoạt động.",
            legalBasis = "Điều 48 Luật Khám bệnh, chữa bệnh 2023",
        }));

        var early = await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "satisfied" });
        Assert.Equal((HttpStatusCode.Forbidden, "requester_only"), (early.Status, Code(early.Body)));
        Accepted(await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "partlySatisfied", comment = "Chưa nêu thời hạn khắc phục" }, filed.SecretHeader));

        var row = Assert.Single((await ReadAsync(http, "/api/explanations?agency=na-a-health")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal(filed.RequestId, row.GetProperty("requestId").GetGuid());
        Assert.Equal(("explained", "partlySatisfied", "2026-03-28", "2026-03-18"), (row.GetProperty("status").GetString(),
            row.GetProperty("rating").GetString(), row.GetProperty("explainBy").GetString(), row.GetProperty("originalExplainBy").GetString()));
        Assert.True(row.GetProperty("extended").GetBoolean());
        Assert.False(row.GetProperty("explainedLate").GetBoolean());

        // The public sees the matter, the explanation and the rating; not the requester's reference, the minutes or the comment.
        var open = (await ReadAsync(http, filed.Path)).Body;
        Assert.Equal("public", open.GetProperty("audience").GetString());
        Assert.False(open.TryGetProperty("requesterId", out _));
        Assert.False(open.TryGetProperty("ratingComment", out _));
        Assert.Contains("<strong>không đủ điều kiện</strong>", open.GetProperty("explanationHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["explanation_request_filed", "explanation_request_accepted", "explanation_extended", "explanation_meeting_recorded", "explanation_given", "explanation_rated"],
            Types(open));
        var publicText = open.GetRawText();
        Assert.DoesNotContain("Biên bản làm việc", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa nêu thời hạn", publicText, StringComparison.Ordinal);

        var full = (await ReadAsync(http, filed.ByCode, filed.SecretHeader)).Body;
        Assert.Equal("Chưa nêu thời hạn khắc phục", full.GetProperty("ratingComment").GetString());
        Assert.Contains("Biên bản làm việc", full.GetRawText(), StringComparison.Ordinal);

        var found = (await ReadAsync(http, "/api/search?q=khong du dieu kien&kind=explanation")).Body;
        var hit = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal((filed.RequestId.ToString(), "na"), (hit.GetProperty("id").GetString(), hit.GetProperty("bodyId").GetString()));
    }

    [Fact]
    public async Task The_acknowledgement_and_then_the_explanation_fall_overdue_once_their_days_pass()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http, Body(publish: false));

        // Nothing is due on the acknowledge-by day itself.
        _clock.Advance(new DateTimeOffset(2026, 3, 9, 23, 0, 0, TimeSpan.FromHours(7)) - Monday);
        await TickAsync(Node, filed.RequestId);
        Assert.Equal(2, await StreamVersionAsync(Node, filed.RequestId)); // the reminder three days before, nothing more

        _clock.Advance(TimeSpan.FromHours(2));
        await TickAsync(Node, filed.RequestId);
        using (var officer = await Node.SignInAsync("officer.na-health"))
        {
            var overdue = await Ledger.Eventually(officer.Http, "/api/explanations?window=overdue", p => p.GetProperty("total").GetInt32() == 1);
            var row = overdue.GetProperty("items")[0];
            Assert.True(row.GetProperty("acknowledgementOverdue").GetBoolean());
            Assert.Equal("2026-03-09", row.GetProperty("acknowledgementOverdueSince").GetString());
            Assert.Equal(0, (await ReadAsync(http, "/api/explanations?window=overdue")).Body.GetProperty("total").GetInt32());

            // A tick repeated records nothing twice.
            var version = await StreamVersionAsync(Node, filed.RequestId);
            await TickAsync(Node, filed.RequestId);
            Assert.Equal(version, await StreamVersionAsync(Node, filed.RequestId));

            Accepted(await PostAsync(officer.Http, $"{filed.Path}/acceptance"));
            var late = (await ReadAsync(officer.Http, filed.Path)).Body;
            Assert.True(late.GetProperty("acknowledgedLate").GetBoolean());
            Assert.False(late.GetProperty("acknowledgementOverdue").GetBoolean());
            Assert.Equal("2026-03-25", late.GetProperty("explainBy").GetString());
        }

        _clock.Advance(TimeSpan.FromDays(16));
        await TickAsync(Node, filed.RequestId);
        using (var officer = await Node.SignInAsync("officer.na-health"))
        {
            var overdue = await Ledger.Eventually(officer.Http, "/api/explanations?window=overdue&status=accepted",
                p => p.GetProperty("total").GetInt32() == 1 && p.GetProperty("items")[0].GetProperty("explanationOverdue").GetBoolean());
            Assert.Equal("2026-03-25", overdue.GetProperty("items")[0].GetProperty("explanationOverdueSince").GetString());

            Accepted(await PostAsync(officer.Http, $"{filed.Path}/explanation", new { markdown = "Trả lời muộn.", legalBasis = "Nghị định 59/2019/NĐ-CP" }));
            var row = (await ReadAsync(officer.Http, "/api/explanations?agency=na-a-health")).Body.GetProperty("items")[0];
            Assert.True(row.GetProperty("explainedLate").GetBoolean());
            Assert.False(row.GetProperty("explanationOverdue").GetBoolean());
            Assert.Equal(0, (await ReadAsync(officer.Http, "/api/explanations?window=overdue")).Body.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task A_redirect_sends_the_request_to_the_competent_agency_with_a_clock_of_its_own()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http, Body(agencyId: "hue-a-health", agencyBodyId: "pc-hue", publish: false));
        _clock.Advance(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(7)) - Monday);
        await TickAsync(Node, filed.RequestId);

        using var health = await Node.SignInAsync("officer.hue-health");
        Assert.True((await ReadAsync(health.Http, filed.Path)).Body.GetProperty("acknowledgementOverdue").GetBoolean());
        var unknown = await PostAsync(health.Http, $"{filed.Path}/redirection", new { agencyId = "hue-a-nowhere", agencyBodyId = "pc-hue", reason = "Không thuộc thẩm quyền" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (unknown.Status, Code(unknown.Body)));
        Accepted(await PostAsync(health.Http, $"{filed.Path}/redirection",
            new { agencyId = "hue-a-committee", agencyBodyId = "pc-hue", reason = "Quyết định do UBND thành phố ban hành" }));

        // The Department of Health no longer holds it: it may neither act on it nor read it.
        var denied = await PostAsync(health.Http, $"{filed.Path}/acceptance");
        Assert.Equal((HttpStatusCode.Forbidden, "agency_officer_required"), (denied.Status, Code(denied.Body)));
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(health.Http, filed.Path)).Status);

        using var committee = await Node.SignInAsync("officer.hue-committee");
        var moved = (await ReadAsync(committee.Http, filed.Path)).Body;
        Assert.Equal(("hue-a-committee", "2026-03-17"), (moved.GetProperty("agency").GetProperty("agencyId").GetString(), moved.GetProperty("acknowledgeBy").GetString()));
        Assert.False(moved.GetProperty("acknowledgementOverdue").GetBoolean());
        Assert.Equal(2, moved.GetProperty("agencyHistory").GetArrayLength());
        var row = (await ReadAsync(committee.Http, "/api/explanations?agency=hue-a-committee")).Body.GetProperty("items")[0];
        Assert.Equal((1, false), (row.GetProperty("redirects").GetInt32(), row.GetProperty("acknowledgementOverdue").GetBoolean()));

        // The new day has not passed: a tick now records nothing, and the committee accepts in time.
        var version = await StreamVersionAsync(Node, filed.RequestId);
        await TickAsync(Node, filed.RequestId);
        Assert.Equal(version, await StreamVersionAsync(Node, filed.RequestId));
        Accepted(await PostAsync(committee.Http, $"{filed.Path}/acceptance"));
        Assert.False((await ReadAsync(committee.Http, filed.Path)).Body.GetProperty("acknowledgedLate").GetBoolean());
    }

    [Fact]
    public async Task A_filing_retried_with_its_idempotency_key_is_the_same_request_code_and_secret()
    {
        using var http = Node.Anonymous();
        var people = await RowsAsync(Node, "personal_data");
        var key = $"filing-{Guid.NewGuid()}";
        var first = await FileAsync(http, key: key);
        var again = await FileAsync(http, key: key);
        Assert.Equal(first, again);
        Assert.Equal(1, await StreamVersionAsync(Node, first.RequestId));
        Assert.Equal(people + 1, await RowsAsync(Node, "personal_data"));

        // The key reused for someone else, or for another matter, is refused; the first requester keeps their details.
        var other = await PostAsync(http, "/api/explanations", Body(name: "Trần Văn Bình"), new Dictionary<string, string> { ["Idempotency-Key"] = key });
        Assert.Equal((HttpStatusCode.Conflict, "idempotency_key_reused"), (other.Status, Code(other.Body)));
        var changed = await PostAsync(http, "/api/explanations", Body(matter: "Một việc khác hẳn"), new Dictionary<string, string> { ["Idempotency-Key"] = key });
        Assert.Equal((HttpStatusCode.Conflict, "request_exists"), (changed.Status, Code(changed.Body)));
        Assert.Equal(people + 1, await RowsAsync(Node, "personal_data"));
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(http, first.ByCode, first.SecretHeader)).Status);

        // Without a key, the same body is a second request.
        var second = await FileAsync(http);
        var third = await FileAsync(http);
        Assert.NotEqual(second.RequestId, third.RequestId);
        Assert.NotEqual(second.Code, third.Code);
    }

    private static void Accepted((HttpStatusCode Status, JsonElement Body) response) =>
        Assert.True(response.Status == HttpStatusCode.OK, $"Expected 200 OK, got {(int)response.Status}: {response.Body}");

    private static List<string?> Types(JsonElement view) =>
        [.. view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString())];
}
