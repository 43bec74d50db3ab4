using QuestionSessions.Cli;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Administration;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Administration.AdminClient;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary><c>qs grant</c> and <c>qs revoke</c>: decided by the body decider like the API, recorded as the body's events by qs.</summary>
public sealed class QsRoleTests : IDisposable
{
    private const string Password = "Quản-trị-dòng-lệnh-2026";

    private readonly SqliteTestStore _store = new();

    public void Dispose() => _store.Dispose();

    private string[] Store() => ["--provider", "Sqlite", "--connection", _store.Store.ConnectionString];

    [Fact]
    public async Task Qs_grants_and_revokes_roles_with_the_body_rules_and_a_reason()
    {
        await ImportUnitsAsync(Store(), "hue,province,Thành phố Huế,Hue City,");

        Assert.Equal(CliApp.Ok, (await QsAsync(["admin", "create", "--username", "quantri", "--name", "Quản trị", "--password-stdin", .. Store()], Password)).Exit);

        var granted = await QsAsync(["grant", "--username", "quantri", "--role", "secretariat", "--body", "pc-hue", .. Store()]);
        Assert.True(granted.Exit == CliApp.Ok, granted.Error);
        Assert.Contains("granted Secretariat in pc-hue to quantri", granted.Output, StringComparison.Ordinal);
        var deputy = await QsAsync(["grant", "--username", "quantri", "--role", "deputy", "--body", "pc-hue", .. Store()]);
        Assert.Equal(CliApp.Failed, deputy.Exit);
        Assert.Contains("member_not_found", deputy.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Failed, (await QsAsync(["grant", "--username", "nobody", "--role", "chair", "--body", "pc-hue", .. Store()])).Exit);
        Assert.Equal(CliApp.Usage, (await QsAsync(["grant", "--username", "quantri", "--role", "king", "--body", "pc-hue", .. Store()])).Exit);
        Assert.Equal(CliApp.Usage, (await QsAsync(["revoke", "--username", "quantri", "--role", "secretariat", "--body", "pc-hue", .. Store()])).Exit);

        var revoked = await QsAsync(["revoke", "--username", "quantri", "--role", "secretariat", "--body", "pc-hue", "--reason", "Nhập nhầm", .. Store()]);
        Assert.True(revoked.Exit == CliApp.Ok, revoked.Error);

        await using var store = EventStoreFactory.Create(_store.Store.Provider, _store.Store.ConnectionString, TimeProvider.System);
        var history = Assert.Single(await RoleGrantLedger.ListAsync(store, "pc-hue", history: true, TestContext.Current.CancellationToken));
        Assert.Equal(("qs", "qs", "Nhập nhầm"), (history.GrantedBy.UserId, history.RevokedBy?.UserId, history.RevokedReason));
    }
}
