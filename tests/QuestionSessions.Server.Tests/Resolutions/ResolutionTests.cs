using System.Net;
using QuestionSessions.Server.Resolutions;
using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Resolutions;

/// <summary>
/// A resolution on questioning entered as Markdown: its numbered clauses are read as written, a task clause
/// given to an agency becomes a commitment whose chain is resolution → clause, and a clause that does not
/// exist, an unknown agency, a past deadline or a caller who is not the secretariat writes nothing.
/// </summary>
public sealed class ResolutionTests : SqliteNodeTest
{
    private const string Text = """
        # Nghị quyết về chất vấn và trả lời chất vấn tại Kỳ họp thứ hai

        Quốc hội quyết nghị:

        1. Yêu cầu Chính phủ **ban hành** nghị định về đấu thầu thuốc trước ngày 30/6.
        2. Bộ Y tế bảo đảm đủ thuốc thiết yếu:
           - tại bệnh viện tuyến tỉnh;
           - tại trạm y tế xã.
        3. Bộ Tài chính bố trí kinh phí <script>alert(1)</script>.

        Nghị quyết này có hiệu lực từ ngày ký.
        """;

    [Fact]
    public void Clauses_are_the_numbered_items_as_written_with_their_nested_lists()
    {
        var clauses = ResolutionClauses.Read(Text);
        Assert.Equal([1, 2, 3], clauses.Select(c => c.Number));
        Assert.Equal("Yêu cầu Chính phủ **ban hành** nghị định về đấu thầu thuốc trước ngày 30/6.", clauses[0].Text);
        Assert.Contains("tại trạm y tế xã", clauses[1].Text, StringComparison.Ordinal);
        Assert.Equal([5, 6], ResolutionClauses.Read("5. Năm\n6. Sáu\n").Select(c => c.Number));
        Assert.Empty(ResolutionClauses.Read("Không có điều khoản nào được đánh số.\n\n- một\n- hai"));
    }

    [Fact]
    public async Task A_clause_given_to_an_agency_opens_a_commitment_with_the_resolution_and_clause_as_its_source()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var deputy = await Node.SignInAsync("na-d-001");
        using var http = Node.Anonymous();
        var request = new { number = "46/2026/QH16", title = "Nghị quyết về chất vấn tại Kỳ họp thứ hai", adoptedOn = "2026-11-28", markdown = Text };

        var denied = await PostAsync(deputy.Http, "/api/bodies/na/resolutions", request);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        var none = await PostAsync(secretariat.Http, "/api/bodies/na/resolutions", request with { markdown = "Không có điều khoản." });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "clauses_required"), (none.Status, none.Body.GetProperty("code").GetString()));
        Assert.Single((await GetAsync(http, "/api/bodies/na/resolutions")).EnumerateArray()); // the demo's

        var adopted = await PostAsync(secretariat.Http, "/api/bodies/na/resolutions", request);
        AcceptedVersion(adopted);
        var resolutionId = Id(adopted.Body);
        var view = await GetAsync(http, $"/api/resolutions/{resolutionId}");
        Assert.Equal(3, view.GetProperty("clauses").GetArrayLength());
        Assert.DoesNotContain("<script>", view.GetProperty("html").GetString()!, StringComparison.Ordinal);
        Assert.Contains("<strong>ban hành</strong>", view.GetProperty("clauses")[0].GetProperty("html").GetString()!, StringComparison.Ordinal);
        var listed = (await GetAsync(http, "/api/bodies/na/resolutions")).EnumerateArray().ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, r => r.GetProperty("resolutionId").GetGuid() == resolutionId && r.GetProperty("number").GetString() == "46/2026/QH16");

        var path = $"/api/resolutions/{resolutionId}/clauses";
        var assignment = new { agencyId = "na-a-finance", officialId = "na-o-finance", beforeSession = 3, expectedResult = "Đủ thuốc thiết yếu tại 100% bệnh viện tuyến tỉnh" };
        var missing = await PostAsync(secretariat.Http, $"{path}/9/assignment", assignment);
        Assert.Equal((HttpStatusCode.NotFound, "clause_not_found"), (missing.Status, missing.Body.GetProperty("code").GetString()));
        var unknown = await PostAsync(secretariat.Http, $"{path}/2/assignment", assignment with { agencyId = "na-a-nowhere" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (unknown.Status, unknown.Body.GetProperty("code").GetString()));
        var past = await PostAsync(secretariat.Http, $"{path}/2/assignment", new { agencyId = "na-a-finance", deadline = "2020-01-01" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deadline_not_future"), (past.Status, past.Body.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(deputy.Http, $"{path}/2/assignment", assignment)).Status);
        Assert.Equal(1, (await GetAsync(http, $"/api/resolutions/{resolutionId}")).GetProperty("version").GetInt64());

        var given = await PostAsync(secretariat.Http, $"{path}/2/assignment", assignment);
        AcceptedVersion(given);
        var commitmentId = Id(given.Body);
        var again = await PostAsync(secretariat.Http, $"{path}/2/assignment", assignment with { agencyId = "na-a-home" });
        Assert.Equal((HttpStatusCode.Conflict, "clause_assigned"), (again.Status, again.Body.GetProperty("code").GetString()));

        var ledger = await Ledger.Eventually(http, $"/api/commitments?body=na&agency=na-a-finance", p => p.GetProperty("total").GetInt32() == 1);
        var made = ledger.GetProperty("items")[0];
        Assert.Equal(commitmentId, made.GetProperty("commitmentId").GetGuid());
        Assert.Equal("resolutionClause", made.GetProperty("source").GetString());
        Assert.Equal(resolutionId, made.GetProperty("resolutionId").GetGuid());
        Assert.Equal(2, made.GetProperty("clause").GetInt32());
        Assert.Equal("na-a-finance", made.GetProperty("agencyId").GetString());
        Assert.Equal("na-o-finance", made.GetProperty("officialId").GetString());
        Assert.Equal("session:3", made.GetProperty("deadlineLabel").GetString());
        Assert.StartsWith("Bộ Y tế bảo đảm đủ thuốc thiết yếu", made.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Đủ thuốc thiết yếu tại 100% bệnh viện tuyến tỉnh", made.GetProperty("expectedResult").GetString());
        Assert.Equal(commitmentId, (await GetAsync(http, $"/api/resolutions/{resolutionId}")).GetProperty("clauses")[1].GetProperty("assignment").GetProperty("commitmentId").GetGuid());
    }
}
