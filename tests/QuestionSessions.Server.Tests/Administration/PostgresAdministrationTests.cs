using System.Net;
using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using static QuestionSessions.Server.Tests.Administration.AdminClient;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>The first administrator, the units import, a grant, its revocation, the public history, and qs writing while the node runs, on PostgreSQL.</summary>
public sealed class PostgresAdministrationTests : IAsyncLifetime
{
    private const string Password = "Quản-trị-PostgreSQL-2026";

    private readonly PostgresDatabase _database = new();
    private TestNode? _node;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_empty_PostgreSQL_database_is_set_up_with_qs_and_the_admin_api_and_keeps_the_history_of_roles()
    {
        _node = await TestNode.StartAsync(new TestStore("Postgres", _database.ConnectionString), seed: false);
        string[] store = ["--provider", "Postgres", "--connection", _database.ConnectionString];
        var created = await QsAsync(["admin", "create", "--username", "quantri", "--name", "Quản trị", "--password-stdin", .. store], Password + "\n");
        Assert.True(created.Exit == CliApp.Ok, created.Error);
        await ImportUnitsAsync(store, "hue,province,Thành phố Huế,Hue City,", "thuan-hoa,commune,Phường Thuận Hóa,Thuan Hoa Ward,hue");

        using var admin = await SignInAsync(_node.Address, "quantri", Password);
        await CreateAccountAsync(admin, "thu.ky", "Trần Thư Ký", Password);
        AcceptedVersion(await PostAsync(admin, "/api/admin/bodies/pc-hue-thuan-hoa/grants", new { username = "thu.ky", role = "secretariat" }));
        using (var secretary = await SignInAsync(_node.Address, "thu.ky", Password))
        {
            Assert.Equal("pc-hue-thuan-hoa", Assert.Single((await GetAsync(secretary, "/api/auth/me")).GetProperty("grants").EnumerateArray()).GetProperty("bodyId").GetString());
        }

        using var anonymous = _node.Anonymous();
        var userId = Assert.Single((await GetAsync(anonymous, "/api/bodies/pc-hue-thuan-hoa/grants")).EnumerateArray()).GetProperty("userId").GetString();
        AcceptedVersion(await PostAsync(admin, "/api/admin/bodies/pc-hue-thuan-hoa/grants/revocation", new { userId, role = "secretariat", reason = "Hết nhiệm kỳ" }));
        Assert.Empty((await GetAsync(anonymous, "/api/bodies/pc-hue-thuan-hoa/grants")).EnumerateArray());
        var history = Assert.Single((await GetAsync(anonymous, "/api/bodies/pc-hue-thuan-hoa/grants?history=true")).EnumerateArray());
        Assert.Equal("Hết nhiệm kỳ", history.GetProperty("revokedReason").GetString());
        var refused = await PostAsync(admin, "/api/admin/bodies/*/grants/revocation", new { userId = "x", role = "admin", reason = "Thử" });
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);

        // qs unseats a member the running node's grain already holds: the next read shows it.
        AcceptedVersion(await PostAsync(admin, "/api/admin/bodies/pc-hue-thuan-hoa/members", new { memberId = "th-d-001", name = "Phan Thị Hạnh", group = "Tổ 1" }));
        Assert.Single((await GetAsync(anonymous, "/api/bodies/pc-hue-thuan-hoa")).GetProperty("members").EnumerateArray());
        var unseated = await QsAsync(["unseat", "--body", "pc-hue-thuan-hoa", "--member", "th-d-001", "--reason", "Chuyển nơi cư trú", .. store]);
        Assert.True(unseated.Exit == CliApp.Ok, unseated.Error);
        Assert.Equal("Chuyển nơi cư trú",
            Assert.Single((await GetAsync(anonymous, "/api/bodies/pc-hue-thuan-hoa")).GetProperty("unseated").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Equal(CliApp.Ok, (await QsAsync(["verify", .. store])).Exit);
    }
}
