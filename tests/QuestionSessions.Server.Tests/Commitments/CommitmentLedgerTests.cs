using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>
/// The commitments ledger over HTTP on a real node with the demo: commitments recorded in sittings reach the
/// public ledger with their chain and owner; the owner's officers report, the questioner or the supervising
/// committee assesses, and every other caller is refused with nothing written.
/// </summary>
public sealed class CommitmentLedgerTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task The_past_demo_sitting_fills_the_ledger_with_its_chain_owners_and_an_overdue_commitment()
    {
        using var http = Node.Anonymous();
        var ledger = await Ledger.Eventually(http, "/api/commitments?body=pc-hue", page => page.GetProperty("total").GetInt32() >= 6);

        var items = ledger.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count(i => i.GetProperty("kind").GetString() == "commitment"));
        Assert.Equal(2, items.Count(i => i.GetProperty("kind").GetString() == "writtenAnswer"));
        Assert.All(items, i =>
        {
            Assert.Equal(PastDemoSitting, i.GetProperty("sittingId").GetGuid());
            Assert.StartsWith("hue-a-", i.GetProperty("agencyId").GetString(), StringComparison.Ordinal);
            Assert.Equal("2026–2031", i.GetProperty("term").GetString());
        });

        // The ten-day commitment's deadline passed while the sitting was in the past: it is overdue, once.
        var overdue = await Ledger.Eventually(http, "/api/commitments?window=overdue&region=pc-hue", page => page.GetProperty("total").GetInt32() == 1);
        var late = overdue.GetProperty("items")[0];
        Assert.StartsWith("Công khai danh mục thuốc", late.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.True(late.GetProperty("overdue").GetBoolean());

        var detail = await GetAsync(http, $"/api/commitments/{late.GetProperty("commitmentId").GetGuid()}");
        Assert.Equal(["commitment_made", "deadline_passed"], detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));

        // The written answers are due within 30 days (20 days after a sitting 14 days ago).
        var soon = await GetAsync(http, "/api/commitments?window=due30&body=pc-hue&kind=writtenAnswer");
        Assert.Equal(2, soon.GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetAsync(http, "/api/commitments?window=overdue&body=na")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_commitment_recorded_in_a_sitting_opens_in_the_ledger_owned_by_a_registered_agency_and_before_a_session()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var questionId = await Ledger.AskAsync(Node, chair.Http);

        var before = await VersionAsync(chair.Http, DemoSitting);
        var unknown = await SittingAsync(secretariat.Http, DemoSitting, "/commitments",
            new { questionId, agencyId = "na-a-nowhere", text = "Cam kết", deadline = Future(90) });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (unknown.Status, Code(unknown.Body)));
        var noSession = await SittingAsync(secretariat.Http, DemoSitting, "/commitments", new { questionId, text = "Cam kết", beforeSession = 9 });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "session_not_found"), (noSession.Status, Code(noSession.Body)));
        var both = await SittingAsync(secretariat.Http, DemoSitting, "/commitments",
            new { questionId, text = "Cam kết", beforeSession = 3, deadline = Future(90) });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deadline_required"), (both.Status, Code(both.Body)));
        var past = await SittingAsync(secretariat.Http, DemoSitting, "/commitments", new { questionId, text = "Cam kết", deadline = Future(-1) });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deadline_not_future"), (past.Status, Code(past.Body)));
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));

        var recorded = await SittingAsync(secretariat.Http, DemoSitting, "/commitments",
            new { questionId, text = "Trình Chính phủ nghị định về đấu thầu thuốc", beforeSession = 3 });
        var commitmentId = Id(recorded.Body);
        AcceptedVersion(recorded);

        using var http = Node.Anonymous();
        var detail = await Ledger.Eventually(http, $"/api/commitments?sitting={DemoSitting}", page => page.GetProperty("total").GetInt32() == 1);
        var made = detail.GetProperty("items")[0];
        Assert.Equal(commitmentId, made.GetProperty("commitmentId").GetGuid());
        Assert.Equal("na-a-health", made.GetProperty("agencyId").GetString());
        Assert.Equal("na-o-health", made.GetProperty("officialId").GetString());
        Assert.Equal("na-d-002", made.GetProperty("questionerId").GetString());
        Assert.Equal(HealthCluster, made.GetProperty("clusterId").GetGuid());
        Assert.Equal("session:3", made.GetProperty("deadlineLabel").GetString());
        // Session 3 of the demo opens 170 days after seeding: the deadline is the day before.
        Assert.Equal(Future(169), made.GetProperty("deadline").GetString());
    }

    [Fact]
    public async Task Only_the_owners_officers_report_and_only_the_questioner_or_the_committee_assess()
    {
        using var http = Node.Anonymous();
        var page = await Ledger.Eventually(http, "/api/commitments?agency=hue-a-health&kind=commitment", p => p.GetProperty("total").GetInt32() == 3);
        var id = page.GetProperty("items").EnumerateArray().Last().GetProperty("commitmentId").GetGuid();
        var path = $"/api/commitments/{id}";
        var version = (await GetAsync(http, path)).GetProperty("commitment").GetProperty("version").GetInt64();
        var report = new { markdown = "Đã ban hành **quy chế** <script>alert(1)</script> [x](javascript:alert(1))", evidence = new[] { "https://syt.hue.gov.vn/qc" }, percent = 40 };

        // Denied, each with nothing written.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, $"{path}/progress", report)).Status);
        using (var other = await Node.SignInAsync("officer.hue-committee"))
        {
            var denied = await PostAsync(other.Http, $"{path}/progress", report);
            Assert.Equal((HttpStatusCode.Forbidden, "owner_officer_required"), (denied.Status, Code(denied.Body)));
        }

        using (var voter = await Node.SignInAsync("voter"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(voter.Http, $"{path}/progress", report)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(voter.Http, $"{path}/withdrawal", new { reason = "Không" })).Status);
        }

        using (var respondent = await Node.SignInAsync("hue-o-health"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(respondent.Http, $"{path}/claim", new { markdown = "Xong" })).Status);
        }

        Assert.Equal(version, (await GetAsync(http, path)).GetProperty("commitment").GetProperty("version").GetInt64());

        using var officer = await Node.SignInAsync("officer.hue-health");
        AcceptedVersion(await PostAsync(officer.Http, $"{path}/progress", report));
        var badLink = await PostAsync(officer.Http, $"{path}/progress", new { markdown = "x", evidence = new[] { "javascript:alert(1)" } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "evidence_links"), (badLink.Status, Code(badLink.Body)));
        var badPercent = await PostAsync(officer.Http, $"{path}/progress", new { markdown = "x", percent = 140 });
        Assert.Equal(HttpStatusCode.BadRequest, badPercent.Status);

        // An officer may not assess its own claim; a deputy who did not ask may not either.
        AcceptedVersion(await PostAsync(officer.Http, $"{path}/claim", new { markdown = "Đã hoàn thành", evidence = new[] { "https://syt.hue.gov.vn/kq" } }));
        var self = await PostAsync(officer.Http, $"{path}/assessment", new { assessment = "verified", note = "Tự nhận" });
        Assert.Equal((HttpStatusCode.Forbidden, "assessor_required"), (self.Status, Code(self.Body)));
        var questioner = (await GetAsync(http, path)).GetProperty("commitment").GetProperty("questionerId").GetString()!;
        var otherDeputy = questioner == "hue-d-001" ? "hue-d-003" : "hue-d-001";
        using (var deputy = await Node.SignInAsync(otherDeputy))
        {
            var denied = await PostAsync(deputy.Http, $"{path}/assessment", new { assessment = "verified", note = "Đồng ý" });
            Assert.Equal((HttpStatusCode.Forbidden, "assessor_required"), (denied.Status, Code(denied.Body)));
        }

        using (var asker = await Node.SignInAsync(questioner))
        {
            AcceptedVersion(await PostAsync(asker.Http, $"{path}/assessment", new { assessment = "disputed", note = "Chưa thấy kết quả tại cơ sở" }));
        }

        using var supervisor = await Node.SignInAsync("supervisor.hue");
        var pastDeadline = await PostAsync(supervisor.Http, $"{path}/deadline", new { date = Future(0), reason = "Lùi" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deadline_not_future"), (pastDeadline.Status, Code(pastDeadline.Body)));
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/deadline", new { beforeSession = 4, reason = "Chờ ngân sách năm sau" }));

        var detail = await GetAsync(http, path);
        var commitment = detail.GetProperty("commitment");
        Assert.Equal("disputed", commitment.GetProperty("status").GetString());
        Assert.Equal(40, commitment.GetProperty("percent").GetInt32());
        Assert.Equal(1, commitment.GetProperty("amendments").GetInt32());
        Assert.NotEqual(commitment.GetProperty("deadline").GetString(), commitment.GetProperty("originalDeadline").GetString());
        var timeline = detail.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["commitment_made", "progress_reported", "fulfilment_claimed", "fulfilment_assessed", "deadline_amended"],
            timeline.Select(e => e.GetProperty("type").GetString()));
        var html = timeline[1].GetProperty("html").GetString()!;
        Assert.Contains("<strong>quy chế</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        var amended = timeline[4].GetProperty("data");
        Assert.Equal(commitment.GetProperty("originalDeadline").GetString(), amended.GetProperty("previous").GetProperty("date").GetString());
    }

    [Fact]
    public async Task A_bad_filter_or_page_is_a_problem_and_an_unknown_commitment_is_not_found()
    {
        using var http = Node.Anonymous();
        foreach (var query in (string[])["status=kept", "status=1", "kind=promise", "window=soon", "limit=0", "limit=201", "offset=-1"])
        {
            using var response = await http.GetAsync($"/api/commitments?{query}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        using var missing = await http.GetAsync($"/api/commitments/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var officer = await Node.SignInAsync("officer.hue-health");
        var nothing = await PostAsync(officer.Http, $"/api/commitments/{Guid.NewGuid()}/progress", new { markdown = "x" });
        Assert.Equal((HttpStatusCode.NotFound, "commitment_not_found"), (nothing.Status, Code(nothing.Body)));
    }

    private string Future(int days) =>
        DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Code(JsonElement problem) => problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    [Fact]
    public async Task A_deadline_at_the_end_of_the_calendar_or_a_resolution_adopted_in_the_future_is_refused_and_nothing_breaks()
    {
        using var http = Node.Anonymous();
        var page = await Ledger.Eventually(http, "/api/commitments?window=overdue", p => p.GetProperty("total").GetInt32() == 1);
        var path = $"/api/commitments/{page.GetProperty("items")[0].GetProperty("commitmentId").GetGuid()}";
        var version = (await GetAsync(http, path)).GetProperty("commitment").GetProperty("version").GetInt64();
        using var supervisor = await Node.SignInAsync("supervisor.hue");
        // A date off the calendar the server keeps (years 2000 to 2200) is a malformed request; one on it but too far, the rules'.
        foreach (var (date, status, code) in new[]
        {
            ("9999-12-31", HttpStatusCode.BadRequest, "invalid_request"), ("2090-01-01", HttpStatusCode.UnprocessableEntity, "deadline_too_far"),
        })
        {
            var far = await PostAsync(supervisor.Http, $"{path}/deadline", new { date, reason = "Lùi vô thời hạn" });
            Assert.Equal((status, code), (far.Status, Code(far.Body)));
        }

        Assert.Equal(version, (await GetAsync(http, path)).GetProperty("commitment").GetProperty("version").GetInt64());
        using var officer = await Node.SignInAsync("officer.hue-health");
        AcceptedVersion(await PostAsync(officer.Http, $"{path}/progress", new { markdown = "Vẫn nhận báo cáo" }));

        using var secretariat = await Node.SignInAsync("secretariat.hue");
        var future = await PostAsync(secretariat.Http, "/api/bodies/pc-hue/resolutions",
            new { number = "1/2099", title = "Nghị quyết", adoptedOn = "2199-12-31", markdown = "1. Điều một" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "adopted_on"), (future.Status, Code(future.Body)));
        var far2 = await PostAsync(secretariat.Http, $"/api/sittings/{PastDemoSitting}/commitments",
            new { questionId = Guid.NewGuid(), text = "Cam kết", deadline = "9999-12-31" });
        Assert.NotEqual(HttpStatusCode.InternalServerError, far2.Status);
    }
}
