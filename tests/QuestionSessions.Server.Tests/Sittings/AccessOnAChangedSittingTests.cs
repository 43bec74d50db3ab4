using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>
/// The denied paths on a sitting the test first changes (opened, speakers registered) or beside a sitting it creates:
/// each test on its own node.
/// </summary>
public sealed class AccessOnAChangedSittingTests : SqliteNodeTest
{
    [Fact]
    public async Task A_deputy_cannot_call_speakers_or_start_turns()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var deputy = await Node.SignInAsync("na-d-001");
        await OpenHealthClusterAsync(chair.Http);
        await SittingAsync(deputy.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Thuốc hiếm" });
        var before = await VersionAsync(chair.Http, DemoSitting);

        var call = await SittingAsync(deputy.Http, DemoSitting, "/speakers/next", new { count = 1 });
        var turn = await SittingAsync(deputy.Http, DemoSitting, "/turns", new { kind = "opening" });

        Assert.Equal(HttpStatusCode.Forbidden, call.Status);
        Assert.Equal(HttpStatusCode.Forbidden, turn.Status);
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
    }

    [Fact]
    public async Task A_deputy_or_a_respondent_cannot_reorder_speakers_or_invite_a_related_respondent()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var deputy = await Node.SignInAsync("na-d-001");
        using var other = await Node.SignInAsync("na-d-002");
        using var minister = await Node.SignInAsync("na-o-health");
        await OpenHealthClusterAsync(chair.Http);
        var first = Id((await SittingAsync(deputy.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Thuốc hiếm" })).Body);
        var second = Id((await SittingAsync(other.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Giá thuốc" })).Body);
        var before = await VersionAsync(chair.Http, DemoSitting);

        foreach (var caller in new[] { deputy, minister })
        {
            var reorder = await SittingAsync(caller.Http, DemoSitting, $"/clusters/{HealthCluster}/speaking-order", new { order = new[] { second, first } });
            var invite = await SittingAsync(caller.Http, DemoSitting, "/related-respondents", new { officialId = "na-o-finance" });
            Assert.Equal(HttpStatusCode.Forbidden, reorder.Status);
            Assert.Equal("role_required", reorder.Body.GetProperty("code").GetString());
            Assert.Equal(HttpStatusCode.Forbidden, invite.Status);
            Assert.Equal("role_required", invite.Body.GetProperty("code").GetString());
        }

        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
    }

    [Fact]
    public async Task A_reorder_made_from_an_order_that_has_since_changed_is_refused_and_writes_nothing()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        await OpenHealthClusterAsync(chair.Http);
        var ids = new List<Guid>();
        foreach (var name in new[] { "na-d-001", "na-d-002", "na-d-003" })
        {
            using var deputy = await Node.SignInAsync(name);
            ids.Add(Id((await SittingAsync(deputy.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = $"Câu hỏi của {name}" })).Body));
        }

        var (a, b, c) = (ids[0], ids[1], ids[2]);
        var moved = await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/speaking-order", new { order = new[] { a, c, b }, expected = new[] { a, b, c } });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        var before = await VersionAsync(chair.Http, DemoSitting);

        // The secretariat's screen still showed A, B, C.
        var stale = await SittingAsync(secretariat.Http, DemoSitting, $"/clusters/{HealthCluster}/speaking-order", new { order = new[] { b, a, c }, expected = new[] { a, b, c } });

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("order_changed", stale.Body.GetProperty("code").GetString());
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
        var queue = (await SittingStateAsync(chair.Http, DemoSitting)).GetProperty("clusters")[0].GetProperty("queue").EnumerateArray().Select(e => e.GetGuid());
        Assert.Equal([a, c, b], queue);
    }

    [Fact]
    public async Task A_respondent_cannot_record_commitments_or_publish_the_transcript()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var minister = await Node.SignInAsync("na-o-health");
        await SittingAsync(chair.Http, DemoSitting, "/open");
        var before = await VersionAsync(chair.Http, DemoSitting);

        var commitment = await SittingAsync(minister.Http, DemoSitting, "/commitments",
            new { questionId = Guid.NewGuid(), agencyId = "na-a-health", text = "Tự ghi cam kết", deadline = "2030-01-01" });
        var transcript = await SittingAsync(minister.Http, DemoSitting, "/transcript", new { speakerName = "Bộ trưởng", markdown = "Tự sửa biên bản" });

        Assert.Equal(HttpStatusCode.Forbidden, commitment.Status);
        Assert.Equal(HttpStatusCode.Forbidden, transcript.Status);
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
    }

    [Fact]
    public async Task Only_the_secretariat_of_the_body_may_schedule()
    {
        using var deputy = await Node.SignInAsync("na-d-001");
        using var otherSecretariat = await Node.SignInAsync("secretariat.hue");
        using var secretariat = await Node.SignInAsync("secretariat.na");
        object request = new
        {
            bodyId = "na",
            title = "Phiên chất vấn bổ sung",
            startsAt = DateTimeOffset.UtcNow.AddDays(3),
            clusters = new[] { new { title = "Xây dựng: nhà ở xã hội", mainRespondentId = "na-o-construction", relatedRespondentIds = new[] { "na-o-finance" } } },
        };

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(deputy.Http, "/api/sittings", request)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(otherSecretariat.Http, "/api/sittings", request)).Status);
        var created = await PostAsync(secretariat.Http, "/api/sittings", request);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        using var http = Node.Anonymous();
        Assert.Contains((await GetAsync(http, "/api/sittings")).EnumerateArray(), s => s.GetProperty("sittingId").GetGuid() == Id(created.Body));
        Assert.Equal("Phiên chất vấn bổ sung", (await SittingStateAsync(http, Id(created.Body))).GetProperty("title").GetString());
    }

    private static async Task OpenHealthClusterAsync(HttpClient chair)
    {
        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair, DemoSitting, "/open")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SittingAsync(chair, DemoSitting, $"/clusters/{HealthCluster}/open")).Status);
    }
}
