using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>
/// The next sitting's follow-up list: a body's overdue and disputed commitments grouped by the official who
/// answers for them; the secretariat puts a group on a scheduled sitting's agenda as a cluster, and each
/// commitment records the sitting it is questioned again in.
/// </summary>
public sealed class FollowUpTests : SqliteNodeTest
{
    [Fact]
    public async Task Overdue_and_disputed_commitments_go_on_a_scheduled_sittings_agenda_and_each_links_back()
    {
        using var http = Node.Anonymous();
        await Ledger.Eventually(http, "/api/commitments?window=overdue&body=pc-hue", p => p.GetProperty("total").GetInt32() == 1);
        var groups = (await GetAsync(http, "/api/bodies/pc-hue/follow-up")).EnumerateArray().ToList();
        var group = Assert.Single(groups);
        Assert.Equal("hue-o-health", group.GetProperty("officialId").GetString());
        var commitmentId = Assert.Single(group.GetProperty("commitments").EnumerateArray()).GetProperty("commitmentId").GetGuid();

        using var secretariat = await Node.SignInAsync("secretariat.hue");
        var scheduled = await PostAsync(secretariat.Http, "/api/sittings", new
        {
            bodyId = "pc-hue",
            title = "Phiên chất vấn — Kỳ họp thứ tư",
            startsAt = DateTimeOffset.UtcNow.AddDays(30),
            clusters = new[] { new { title = "Giáo dục", mainRespondentId = "hue-o-chair", relatedRespondentIds = Array.Empty<string>() } },
        });
        var sittingId = Id(AcceptedResult(scheduled));
        var request = new { officialId = "hue-o-health", commitmentIds = new[] { commitmentId } };

        using (var deputy = await Node.SignInAsync("hue-d-001"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(deputy.Http, $"/api/sittings/{sittingId}/follow-up", request)).Status);
        }

        var unknown = await PostAsync(secretariat.Http, $"/api/sittings/{sittingId}/follow-up", request with { commitmentIds = new[] { Guid.NewGuid() } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "commitment_not_found"), (unknown.Status, unknown.Body.GetProperty("code").GetString()));
        var closed = await PostAsync(secretariat.Http, $"/api/sittings/{PastDemoSitting}/follow-up", request);
        Assert.Equal((HttpStatusCode.Conflict, "sitting_not_scheduled"), (closed.Status, closed.Body.GetProperty("code").GetString()));
        Assert.Equal(1, (await SittingStateAsync(http, sittingId)).GetProperty("clusters").GetArrayLength());

        var added = await PostAsync(secretariat.Http, $"/api/sittings/{sittingId}/follow-up", request);
        var clusterId = Id(AcceptedResult(added));
        var cluster = (await SittingStateAsync(http, sittingId)).GetProperty("clusters").EnumerateArray().Last();
        Assert.Equal(clusterId, cluster.GetProperty("clusterId").GetGuid());
        Assert.Equal("hue-o-health", cluster.GetProperty("main").GetProperty("officialId").GetString());
        Assert.StartsWith("Chất vấn lại việc thực hiện cam kết", cluster.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The other way: the commitment records the sitting and cluster it is questioned again in.
        var detail = await Ledger.Eventually(http, $"/api/commitments/{commitmentId}", d => d.GetProperty("commitment").GetProperty("requestioned").GetInt32() == 1);
        var link = detail.GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal("requestioned", link.GetProperty("type").GetString());
        Assert.Equal(sittingId, link.GetProperty("data").GetProperty("sittingId").GetGuid());
        Assert.Equal(clusterId, link.GetProperty("data").GetProperty("clusterId").GetGuid());
    }

    private static System.Text.Json.JsonElement AcceptedResult((HttpStatusCode Status, System.Text.Json.JsonElement Body) response)
    {
        AcceptedVersion(response);
        return response.Body;
    }
}
