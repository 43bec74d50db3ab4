using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Administration.AdminClient;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>
/// A real deployment: no demo, an empty database. qs creates the first administrator; the admin API sets up a
/// People's Council, its people and their roles; the ordinary sitting API then runs a live sitting in which a
/// question is asked and answered.
/// </summary>
public sealed class FromEmptyDatabaseTests : IAsyncLifetime
{
    private const string Password = "Quản-trị-viên-2026!";

    private readonly SqliteTestStore _store = new();
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store, seed: false);

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }

    private string[] Store() => ["--provider", "Sqlite", "--connection", _store.Store.ConnectionString];

    [Fact]
    public async Task Qs_admin_create_refuses_weak_or_missing_passwords_and_a_taken_username()
    {
        Assert.Equal(Cli.CliApp.Failed, (await QsAsync(["admin", "create", "--username", "root", "--name", "Quản trị", "--password-stdin", .. Store()], "ngan\n")).Exit);
        Assert.Equal(Cli.CliApp.Usage, (await QsAsync(["admin", "create", "--username", "root", "--name", "Quản trị", "--password-stdin", .. Store()], "")).Exit);
        Assert.Equal(Cli.CliApp.Usage, (await QsAsync(["admin", "create", "--name", "Quản trị", "--password-stdin", .. Store()], Password)).Exit);
        var created = await QsAsync(["admin", "create", "--username", "root", "--name", "Quản trị", "--password-stdin", .. Store()], Password + "\n");
        Assert.True(created.Exit == Cli.CliApp.Ok, created.Error);
        var again = await QsAsync(["admin", "create", "--username", "ROOT", "--name", "Khác", "--password-stdin", .. Store()], Password + "\n");
        Assert.Equal(Cli.CliApp.Failed, again.Exit);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);

        using var http = _node.Anonymous();
        var history = await GetAsync(http, "/api/bodies/*/grants?history=true");
        var first = Assert.Single(history.EnumerateArray());
        Assert.Equal(("admin", "qs"), (first.GetProperty("role").GetString(), first.GetProperty("grantedBy").GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task An_empty_database_reaches_a_live_sitting_with_a_question_asked_and_answered_through_the_admin_tools_only()
    {
        using var anonymous = _node.Anonymous();
        Assert.Empty((await GetAsync(anonymous, "/api/bodies")).EnumerateArray());
        var created = await QsAsync(["admin", "create", "--username", "quantri", "--name", "Quản trị hệ thống", "--password-stdin", .. Store()], Password + "\n");
        Assert.True(created.Exit == Cli.CliApp.Ok, created.Error);
        using var admin = await SignInAsync(_node.Address, "quantri", Password);

        const string Body = "/api/admin/bodies/pc-hue";
        AcceptedVersion(await PostAsync(admin, "/api/admin/bodies", new { bodyId = "pc-hue", kind = "provincialCouncil", name = "Hội đồng nhân dân thành phố Huế", nameEn = "Huế City People's Council" }));
        AcceptedVersion(await PostAsync(admin, $"{Body}/term", new { term = "2026–2031", startsOn = "2026-03-15", endsOn = "2031-03-14" }));
        AcceptedVersion(await PostAsync(admin, $"{Body}/members", new { memberId = "hue-d-001", name = "Tôn Nữ Thanh Tâm", group = "Tổ đại biểu phường Thuận Hóa" }));
        AcceptedVersion(await PostAsync(admin, $"{Body}/agencies", new { agencyId = "hue-a-health", name = "Sở Y tế", nameEn = "Department of Health" }));
        AcceptedVersion(await PostAsync(admin, $"{Body}/officials", new { officialId = "hue-o-health", name = "Lê Văn Hải", office = "Giám đốc Sở Y tế", agencyId = "hue-a-health" }));
        var defaults = await GetAsync(admin, $"{Body}/rules-profile/defaults");
        Assert.Equal("00:01:00", defaults.GetProperty("questionLimit").GetString());
        var profile = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(defaults.GetRawText())!;
        profile["effectiveFrom"] = JsonSerializer.SerializeToElement("2026-03-01");
        AcceptedVersion(await PostAsync(admin, $"{Body}/rules-profiles", profile));
        AcceptedVersion(await PostAsync(admin, $"{Body}/sessions", new { number = 1, opensOn = "2026-04-01" }));

        var people = new (string Username, string Name, string Role, string? Person)[]
        {
            ("chu.toa", "Nguyễn Chủ Tọa", "chair", null),
            ("thu.ky", "Trần Thư Ký", "secretariat", null),
            ("dai.bieu", "Tôn Nữ Thanh Tâm", "deputy", "hue-d-001"),
            ("giam.doc.y.te", "Lê Văn Hải", "respondent", "hue-o-health"),
        };
        foreach (var (username, name, role, person) in people)
        {
            await AdminClient.CreateAccountAsync(admin, username, name, Password);
            AcceptedVersion(await PostAsync(admin, $"{Body}/grants", new { username, role, personId = person }));
        }

        var grants = (await GetAsync(anonymous, "/api/bodies/pc-hue/grants")).EnumerateArray().Select(g => g.GetProperty("role").GetString()).Order();
        Assert.Equal(["chair", "deputy", "respondent", "secretariat"], grants);

        using var secretariat = await SignInAsync(_node.Address, "thu.ky", Password);
        using var chair = await SignInAsync(_node.Address, "chu.toa", Password);
        using var deputy = await SignInAsync(_node.Address, "dai.bieu", Password);
        using var respondent = await SignInAsync(_node.Address, "giam.doc.y.te", Password);
        var scheduled = await PostAsync(secretariat, "/api/sittings", new
        {
            bodyId = "pc-hue",
            title = "Phiên chất vấn kỳ họp thứ nhất",
            startsAt = DateTimeOffset.UtcNow.AddMinutes(5),
            clusters = new[] { new { title = "Y tế cơ sở", mainRespondentId = "hue-o-health" } },
        });
        AcceptedVersion(scheduled);
        var sittingId = Id(scheduled.Body);
        var clusterId = (await SittingStateAsync(anonymous, sittingId)).GetProperty("clusters")[0].GetProperty("clusterId").GetGuid();

        AcceptedVersion(await SittingAsync(chair, sittingId, "/open"));
        AcceptedVersion(await SittingAsync(chair, sittingId, $"/clusters/{clusterId}/open"));
        var registered = await SittingAsync(deputy, sittingId, "/registrations", new { clusterId, text = "Vì sao trạm y tế phường thiếu thuốc?" });
        AcceptedVersion(registered);
        AcceptedVersion(await SittingAsync(chair, sittingId, "/speakers/next", new { count = 1 }));
        var question = await SittingAsync(chair, sittingId, "/turns", new { kind = "question", registrationId = Id(registered.Body) });
        AcceptedVersion(question);
        AcceptedVersion(await SittingAsync(chair, sittingId, $"/turns/{Id(question.Body)}/end"));
        var answer = await SittingAsync(chair, sittingId, "/turns", new { kind = "answer" });
        AcceptedVersion(answer);
        AcceptedVersion(await SittingAsync(secretariat, sittingId, "/transcript", new
        {
            turnId = Id(answer.Body), speakerName = "Lê Văn Hải", markdown = "Sở Y tế sẽ bổ sung thuốc cho trạm y tế phường trong quý này.",
        }));
        AcceptedVersion(await SittingAsync(chair, sittingId, $"/turns/{Id(answer.Body)}/end"));

        var state = await SittingStateAsync(respondent, sittingId);
        Assert.Equal("open", state.GetProperty("status").GetString());
        var turns = state.GetProperty("turns").EnumerateArray().Select(t => (t.GetProperty("kind").GetString(), t.GetProperty("speakerId").GetString())).ToList();
        Assert.Equal([("question", "hue-d-001"), ("answer", "hue-o-health")], turns);
        Assert.Contains("bổ sung thuốc", (await TranscriptAsync(anonymous, sittingId))[0].GetRawText(), StringComparison.Ordinal);

        var verify = await QsAsync(["verify", .. Store()]);
        Assert.True(verify.Exit == Cli.CliApp.Ok, verify.Error + verify.Output);
    }
}
