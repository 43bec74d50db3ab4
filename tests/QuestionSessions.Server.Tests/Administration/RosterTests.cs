using System.Net;
using System.Text.Json;
using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>
/// Members unseated and officials relieved, through the admin API and through <c>qs</c> while the node runs: the
/// departure is public with its reason, the role acting for them is revoked, new sittings cannot name a relieved
/// official, and past sittings keep their names. What qs writes straight to the database is what the next API read
/// shows, without waiting: the body grain checks its stream's version before it answers.
/// </summary>
public sealed class RosterTests : SqliteNodeTest
{
    private static readonly object Health = new { title = "Y tế cơ sở", mainRespondentId = "hue-o-health", relatedRespondentIds = Array.Empty<string>() };

    [Fact]
    public async Task Unseating_and_relieving_are_refused_to_anyone_but_an_administrator_and_write_nothing()
    {
        var reason = new { reason = "Xin thôi làm đại biểu vì lý do sức khỏe" };
        using var anonymous = Node.Anonymous();
        using var voter = await Node.SignInAsync("voter");
        using var chair = await Node.SignInAsync("chair.hue");
        using var deputy = await Node.SignInAsync("hue-d-002");
        foreach (var path in new[] { "/api/admin/bodies/pc-hue/members/hue-d-002/unseating", "/api/admin/bodies/pc-hue/officials/hue-o-health/relief" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, path, reason)).Status);
            foreach (var caller in new[] { voter.Http, chair.Http, deputy.Http })
            {
                var refused = await PostAsync(caller, path, reason);
                Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{path}: {(int)refused.Status} {refused.Body}");
                Assert.Equal("admin_required", refused.Body.GetProperty("code").GetString());
            }
        }

        var body = await GetAsync(anonymous, "/api/bodies/pc-hue");
        Assert.Empty(body.GetProperty("unseated").EnumerateArray());
        Assert.Empty(body.GetProperty("relieved").EnumerateArray());
    }

    [Fact]
    public async Task An_unseated_member_and_a_relieved_official_stay_named_in_the_past_and_are_public_with_the_reason()
    {
        using var admin = await Node.SignInAsync("admin");
        using var anonymous = Node.Anonymous();
        var listed = await MembersListedAsync(anonymous);
        const string Unseat = "/api/admin/bodies/pc-hue/members/hue-d-002/unseating";

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin.Http, Unseat, new { reason = " " })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin.Http, Unseat, new { reason = "\u200B\u200B" })).Status);
        var future = await PostAsync(admin.Http, Unseat, new { reason = "Chuyển công tác", on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "departure_date"), (future.Status, future.Body.GetProperty("code").GetString()));
        var unknown = await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/members/hue-d-999/unseating", new { reason = "Chuyển công tác" });
        Assert.Equal((HttpStatusCode.NotFound, "member_not_found"), (unknown.Status, unknown.Body.GetProperty("code").GetString()));

        AcceptedVersion(await PostAsync(admin.Http, Unseat, new { reason = "Xin thôi làm đại biểu vì lý do sức khỏe" }));
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/officials/hue-o-health/relief",
            new { reason = "Điều động làm Giám đốc Sở Nội vụ", on = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2) }));

        var body = await GetAsync(anonymous, "/api/bodies/pc-hue");
        var unseated = Assert.Single(body.GetProperty("unseated").EnumerateArray());
        Assert.Equal(("hue-d-002", "Xin thôi làm đại biểu vì lý do sức khỏe"), (unseated.GetProperty("personId").GetString(), unseated.GetProperty("reason").GetString()));
        Assert.Equal("Điều động làm Giám đốc Sở Nội vụ", Assert.Single(body.GetProperty("relieved").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Contains(body.GetProperty("members").EnumerateArray(), m => m.GetProperty("memberId").GetString() == "hue-d-002");
        Assert.Equal(listed - 1, await MembersListedAsync(anonymous));

        // The roles acting for them are taken back, with the same public reason.
        var history = (await GetAsync(anonymous, "/api/bodies/pc-hue/grants?history=true")).EnumerateArray().ToList();
        Assert.Equal("Xin thôi làm đại biểu vì lý do sức khỏe",
            history.Single(g => g.GetProperty("personId").GetString() == "hue-d-002").GetProperty("revokedReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, history.Single(g => g.GetProperty("personId").GetString() == "hue-o-health").GetProperty("revokedAt").ValueKind);
        using (var former = await Node.SignInAsync("hue-d-002"))
        {
            Assert.DoesNotContain((await GetAsync(former.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray(), g => g.GetProperty("role").GetString() == "deputy");
        }

        // A new sitting, question or follow-up cannot name the relieved official; the past sitting still shows them.
        using var secretariat = await Node.SignInAsync("secretariat.hue");
        var scheduled = await PostAsync(secretariat.Http, "/api/sittings",
            new { bodyId = "pc-hue", title = "Phiên chất vấn — Kỳ họp thứ năm", startsAt = DateTimeOffset.UtcNow.AddDays(30), clusters = new[] { Health } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "respondent_relieved"), (scheduled.Status, scheduled.Body.GetProperty("code").GetString()));
        var followUp = await PostAsync(secretariat.Http, $"/api/sittings/{PastDemoSitting}/follow-up", new { officialId = "hue-o-health", commitmentIds = new[] { Guid.NewGuid() } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "respondent_relieved"), (followUp.Status, followUp.Body.GetProperty("code").GetString()));
        using (var deputy = await Node.SignInAsync("hue-d-001"))
        {
            var question = await PostAsync(deputy.Http, $"/api/sittings/{PastDemoSitting}/questions", new { respondentId = "hue-o-health", text = "Vì sao trạm y tế thiếu thuốc?" });
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "respondent_relieved"), (question.Status, question.Body.GetProperty("code").GetString()));
        }

        var past = (await SittingStateAsync(anonymous, PastDemoSitting)).GetProperty("clusters").EnumerateArray().First().GetProperty("main");
        Assert.Equal("hue-o-health", past.GetProperty("officialId").GetString());
        Assert.Contains(body.GetProperty("officials").EnumerateArray(),
            o => o.GetProperty("officialId").GetString() == "hue-o-health" && o.GetProperty("name").GetString() == past.GetProperty("name").GetString());

        var again = await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/members", new { memberId = "hue-d-002", name = "Hồ Văn Lộc", group = "Tổ đại biểu" });
        Assert.Equal((HttpStatusCode.Conflict, "member_unseated"), (again.Status, again.Body.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task What_qs_imports_unseats_and_relieves_while_the_node_runs_is_in_the_next_API_read()
    {
        using var anonymous = Node.Anonymous();
        var before = await GetAsync(anonymous, "/api/bodies/pc-hue"); // the body grain is active from here on
        Assert.DoesNotContain(before.GetProperty("members").EnumerateArray(), m => m.GetProperty("memberId").GetString() == "hue-d-100");

        var file = Path.Combine(Path.GetTempPath(), $"members-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "body_id,member_id,name,role,group\npc-hue,hue-d-100,Nguyễn Thị Mới,delegate,Tổ đại biểu phường Phú Xuân\n",
            TestContext.Current.CancellationToken);
        try
        {
            var imported = await AdminClient.QsAsync(["import", "members", file, .. QsStore]);
            Assert.True(imported.Exit == CliApp.Ok, imported.Error);
        }
        finally
        {
            File.Delete(file);
        }

        var after = await GetAsync(anonymous, "/api/bodies/pc-hue");
        Assert.Contains(after.GetProperty("members").EnumerateArray(), m => m.GetProperty("name").GetString() == "Nguyễn Thị Mới");
        Assert.True(after.GetProperty("version").GetInt64() > before.GetProperty("version").GetInt64());

        var unseated = await AdminClient.QsAsync(["unseat", "--body", "pc-hue", "--member", "hue-d-001", "--reason", "Được bầu làm Chủ tịch UBND phường", .. QsStore]);
        Assert.True(unseated.Exit == CliApp.Ok, unseated.Error);
        var relieved = await AdminClient.QsAsync(["relieve", "--body", "pc-hue", "--official", "hue-o-health", "--reason", "Nghỉ hưu", .. QsStore]);
        Assert.True(relieved.Exit == CliApp.Ok, relieved.Error);
        Assert.Equal(CliApp.Usage, (await AdminClient.QsAsync(["relieve", "--body", "pc-hue", "--official", "hue-o-chair", .. QsStore])).Exit);
        var refused = await AdminClient.QsAsync(["relieve", "--body", "pc-hue", "--official", "hue-o-nobody", "--reason", "Nghỉ hưu", .. QsStore]);
        Assert.Equal(CliApp.Failed, refused.Exit);
        Assert.Contains("official_not_found", refused.Error, StringComparison.Ordinal);

        var body = await GetAsync(anonymous, "/api/bodies/pc-hue");
        Assert.Equal("Được bầu làm Chủ tịch UBND phường", Assert.Single(body.GetProperty("unseated").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal("qs", Assert.Single(body.GetProperty("relieved").EnumerateArray()).GetProperty("recordedBy").GetProperty("userId").GetString());

        // A write through the server decides on what qs wrote: the relieved official cannot be named, the new member can be given a role.
        using var secretariat = await Node.SignInAsync("secretariat.hue");
        var scheduled = await PostAsync(secretariat.Http, "/api/sittings",
            new { bodyId = "pc-hue", title = "Phiên chất vấn — Kỳ họp thứ năm", startsAt = DateTimeOffset.UtcNow.AddDays(30), clusters = new[] { Health } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "respondent_relieved"), (scheduled.Status, scheduled.Body.GetProperty("code").GetString()));
        using var admin = await Node.SignInAsync("admin");
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants", new { username = "voter", role = "deputy", personId = "hue-d-100" }));
    }

    private static async Task<int> MembersListedAsync(HttpClient http) =>
        (await GetAsync(http, "/api/bodies")).EnumerateArray().Single(b => b.GetProperty("bodyId").GetString() == "pc-hue").GetProperty("members").GetInt32();
}
