using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;
using static QuestionSessions.Server.Tests.Supervision.Topics;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>
/// A topical supervision over HTTP on a real node with the demo, from the body's decision to its close: the
/// plan, the evidence it cites (a commitment of the ledger and a voter's petition), an agency's report, a field
/// visit, a finding, a recommendation that the ledger opens as a commitment with the topic as its source, the
/// resolution, a follow-up and the close; the list, the page citing the evidence and the search keep up. Run on
/// each provider: the read models' SQL is one text for both.
/// </summary>
public abstract class SupervisionFlowContract : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected TestNode Node { get; private set; } = null!;

    /// <summary>This test's own database, made for it.</summary>
    private protected abstract ValueTask<TestStore> OpenStoreAsync();

    /// <summary>Removes the database once the node has stopped.</summary>
    private protected abstract ValueTask CloseStoreAsync();

    public async ValueTask InitializeAsync() => Node = await TestNode.StartAsync(await OpenStoreAsync(), clock: _clock);

    public async ValueTask DisposeAsync()
    {
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }

        await CloseStoreAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_topic_runs_from_decision_to_close_and_its_recommendation_becomes_a_commitment()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var supervisor = await Node.SignInAsync("supervisor.na");
        using var officer = await Node.SignInAsync("officer.na-health");
        using var http = Node.Anonymous();
        var demo = await Ledger.Eventually(http, "/api/commitments?body=na&agency=na-a-health", p => p.GetProperty("total").GetInt32() >= 1);
        var cited = demo.GetProperty("items")[0].GetProperty("commitmentId").GetGuid();
        var (petitionId, petitionCode) = await FilePetitionAsync(Node, _clock);

        var topicId = await DecideAsync(secretariat.Http);
        var decided = (await DetailAsync(http, topicId)).GetProperty("topic");
        Assert.Equal("decided", decided.GetProperty("stage").GetString());
        Assert.Equal("2026–2031", decided.GetProperty("term").GetString());
        Assert.Equal(Day(_clock, 15), decided.GetProperty("planDueBy").GetString());
        Assert.Equal(["Bộ Y tế", "Bộ Tài chính"], decided.GetProperty("supervised").EnumerateArray().Select(a => a.GetProperty("agencyName").GetString()));
        Assert.Contains("<strong>cung ứng thuốc</strong>", decided.GetProperty("scopeHtml").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", decided.GetProperty("scopeHtml").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", decided.GetProperty("scopeHtml").GetString()!, StringComparison.Ordinal);

        var path = $"/api/supervision/{topicId}";
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/plan",
            new { outlineMarkdown = "Đề cương: 1. Thực trạng; 2. Nguyên nhân; 3. Kiến nghị.", workingSessions = new[] { Day(_clock, 10), Day(_clock, 20) } }));
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/evidence",
            new { links = new object[] { new { kind = "commitment", id = cited }, new { kind = "petition", id = petitionId } } }));
        var citing = await GetAsync(http, $"/api/supervision?cites={petitionId}");
        Assert.Equal(topicId, Assert.Single(citing.GetProperty("items").EnumerateArray()).GetProperty("topicId").GetGuid());

        var report = await PostAsync(officer.Http, $"{path}/reports",
            new { agencyId = "na-a-health", markdown = "Báo cáo của **Bộ Y tế** về cung ứng thuốc.", attachments = new[] { "https://moh.gov.vn/bao-cao-12" } });
        AcceptedVersion(report);
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/supplements", new { agencyId = "na-a-health", what = "Số liệu theo từng tỉnh" }));
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/visits",
            new { date = Day(_clock, 0), provinceId = "nghe-an", commune = "Phường Vinh Phú", notesMarkdown = "Bệnh viện tỉnh thiếu 14 loại thuốc." }));
        var finding = await PostAsync(supervisor.Http, $"{path}/findings", new { markdown = "Nhiều bệnh viện tuyến tỉnh thiếu thuốc **điều trị ung thư**." });
        AcceptedVersion(finding);
        var findingId = Id(finding.Body);

        var recommended = await PostAsync(supervisor.Http, $"{path}/recommendations", new
        {
            text = "Bảo đảm đủ thuốc điều trị ung thư cho bệnh viện tuyến tỉnh",
            expectedResult = "Không bệnh viện tuyến tỉnh nào thiếu thuốc trong danh mục",
            agencyId = "na-a-health",
            beforeSession = 3,
            findingIds = new[] { findingId },
        });
        AcceptedVersion(recommended);
        var recommendationId = Id(recommended.Body);

        // The intake opens the recommendation as a commitment of the ledger, with the topic and the recommendation as its source.
        var ledger = await Ledger.Eventually(http, "/api/commitments?body=na&agency=na-a-health",
            p => p.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("source").GetString() == "recommendation"));
        var made = ledger.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("source").GetString() == "recommendation");
        Assert.Equal(topicId, made.GetProperty("topicId").GetGuid());
        Assert.Equal(recommendationId, made.GetProperty("recommendationId").GetGuid());
        Assert.Equal("2026–2031", made.GetProperty("term").GetString());
        Assert.Equal("session:3", made.GetProperty("deadlineLabel").GetString());
        Assert.Equal("Không bệnh viện tuyến tỉnh nào thiếu thuốc trong danh mục", made.GetProperty("expectedResult").GetString());
        var commitmentId = made.GetProperty("commitmentId").GetGuid();

        // The owner's officers report on it, as on any commitment of their agency.
        AcceptedVersion(await PostAsync(officer.Http, $"/api/commitments/{commitmentId}/progress", new { markdown = "Đã phân bổ thuốc đợt 1.", percent = 30 }));

        var mid = await DetailAsync(http, topicId);
        var recommendation = Assert.Single(mid.GetProperty("recommendations").EnumerateArray());
        Assert.Equal(commitmentId, recommendation.GetProperty("commitmentId").GetGuid());
        Assert.Equal([findingId], recommendation.GetProperty("findingIds").EnumerateArray().Select(f => f.GetGuid()));
        Assert.Equal("inProgress", recommendation.GetProperty("commitment").GetProperty("status").GetString());

        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/evidence/removal", new { kind = "petition", id = petitionId, reason = "Trùng với kiến nghị khác" }));
        Assert.Equal(0, (await GetAsync(http, $"/api/supervision?cites={petitionId}")).GetProperty("total").GetInt32());
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/evidence", new { links = new[] { new { kind = "petition", id = petitionId } } }));

        AcceptedVersion(await PostAsync(secretariat.Http, $"{path}/resolution",
            new { reference = "Nghị quyết số 101/2026/QH16", markdown = "Quốc hội yêu cầu **Chính phủ** bảo đảm thuốc.", adoptedOn = Day(_clock, 0) }));
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/follow-ups", new { markdown = "Sau 6 tháng, 80% bệnh viện đủ thuốc." }));
        AcceptedVersion(await PostAsync(secretariat.Http, $"{path}/closure", new { summary = "Hoàn thành giám sát chuyên đề." }));

        var closed = await DetailAsync(http, topicId);
        var topic = closed.GetProperty("topic");
        Assert.Equal("closed", topic.GetProperty("stage").GetString());
        Assert.Equal("Nghị quyết số 101/2026/QH16", topic.GetProperty("resolution").GetProperty("reference").GetString());
        Assert.Contains("<strong>Chính phủ</strong>", topic.GetProperty("resolutionHtml").GetString()!, StringComparison.Ordinal);
        Assert.Equal(
            ["supervision_topic_decided", "supervision_plan_sent", "supervision_evidence_linked", "supervision_report_received",
            "supervision_supplement_requested", "supervision_field_visit_recorded", "supervision_finding_recorded", "recommendation_made",
            "supervision_evidence_unlinked", "supervision_evidence_linked", "supervision_resolution_adopted", "supervision_follow_up_recorded",
            "supervision_topic_closed"],
            closed.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        var reportEvent = closed.GetProperty("timeline").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "supervision_report_received");
        Assert.Contains("<strong>Bộ Y tế</strong>", reportEvent.GetProperty("html").GetString()!, StringComparison.Ordinal);
        Assert.All(closed.GetProperty("timeline").EnumerateArray().Where(e => e.TryGetProperty("html", out _)),
            e => Assert.DoesNotContain("<script>", e.GetProperty("html").GetString()!, StringComparison.Ordinal));

        var evidence = closed.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(2, evidence.Count);
        var petition = evidence.Single(e => e.GetProperty("kind").GetString() == "petition").GetProperty("petition");
        Assert.Equal(petitionCode, petition.GetProperty("code").GetString());
        Assert.Equal("Thiếu thuốc ở bệnh viện tỉnh", petition.GetProperty("title").GetString());
        var commitment = evidence.Single(e => e.GetProperty("kind").GetString() == "commitment").GetProperty("commitment");
        Assert.Equal(cited, commitment.GetProperty("commitmentId").GetGuid());
        Assert.Equal("inProgress", commitment.GetProperty("status").GetString());

        var listed = Assert.Single((await GetAsync(http, "/api/supervision?body=na&stage=closed")).GetProperty("items").EnumerateArray());
        Assert.Equal(topicId, listed.GetProperty("topicId").GetGuid());
        Assert.Equal((1, 1, 1, 2, 1, 1), (listed.GetProperty("reports").GetInt32(), listed.GetProperty("visits").GetInt32(),
            listed.GetProperty("findings").GetInt32(), listed.GetProperty("evidence").GetInt32(), listed.GetProperty("recommendations").GetInt32(),
            listed.GetProperty("followUps").GetInt32()));
        Assert.Equal("Nghị quyết số 101/2026/QH16", listed.GetProperty("resolutionReference").GetString());
        Assert.False(listed.GetProperty("planLate").GetBoolean());
        Assert.False(listed.GetProperty("planOverdue").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("closedAt").ValueKind);
        Assert.Equal(0, (await GetAsync(http, "/api/supervision?body=pc-hue")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await GetAsync(http, "/api/supervision?stage=planned")).GetProperty("total").GetInt32());

        // Closed, nothing more is recorded.
        var late = await PostAsync(supervisor.Http, $"{path}/findings", new { markdown = "Một phát hiện muộn" });
        Assert.Equal((HttpStatusCode.Conflict, "topic_closed"), (late.Status, Code(late.Body)));

        // The search finds the topic by its scope without diacritics, and its finding under the topic.
        var search = await GetAsync(http, "/api/search?q=cung ung thuoc&kind=supervision");
        var hit = Assert.Single(search.GetProperty("items").EnumerateArray());
        Assert.Equal(topicId.ToString(), hit.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("provinceId").ValueKind); // the National Assembly has no province
        var found = Assert.Single((await GetAsync(http, "/api/search?q=dieu tri ung thu&kind=supervision")).GetProperty("items").EnumerateArray());
        Assert.Equal((findingId.ToString(), topicId.ToString()), (found.GetProperty("id").GetString(), found.GetProperty("parentId").GetString()));
        Assert.DoesNotContain("**", found.GetProperty("excerpt").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_step_with_the_same_idempotency_key_records_it_once_under_the_same_id()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var http = Node.Anonymous();
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "decide-medicines-1" };
        var first = await PostAsync(secretariat.Http, "/api/bodies/na/supervision", Decision(), key);
        var again = await PostAsync(secretariat.Http, "/api/bodies/na/supervision", Decision(), key);
        Assert.Equal(AcceptedVersion(first), AcceptedVersion(again));
        Assert.Equal(Id(first.Body), Id(again.Body));
        Assert.Equal(1, (await GetAsync(http, "/api/supervision?body=na")).GetProperty("total").GetInt32());
    }
}
