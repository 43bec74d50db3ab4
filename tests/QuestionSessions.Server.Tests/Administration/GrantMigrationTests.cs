using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QuestionSessions.Cli;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Administration.AdminClient;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>
/// A database from before grants were events: the roles kept in the accounts' JSON column are issued as
/// <c>role_granted</c> events by the system at the next start, once; one the body refuses stays, still honoured.
/// </summary>
public sealed class GrantMigrationTests : IDisposable
{
    private const string Password = "Mật-khẩu-cũ-2025-dài";

    private readonly SqliteTestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Grants_stored_in_the_accounts_table_become_events_at_the_next_start_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await ImportUnitsAsync(["--provider", "Sqlite", "--connection", _store.Store.ConnectionString], "hue,province,Thành phố Huế,Hue City,");

        await using (var store = EventStoreFactory.Create(_store.Store.Provider, _store.Store.ConnectionString, TimeProvider.System))
        {
            var accounts = new AccountStore(store, Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
            Assert.True(await accounts.CreateAsync("thuky.cu", "Thư ký cũ", Password,
                [new Grant(Role.Secretariat, "pc-hue"), new Grant(Role.Deputy, "pc-hue", "hue-d-404")], ct));
        }

        for (var start = 0; start < 2; start++)
        {
            await using var node = await TestNode.StartAsync(_store.Store, seed: false);
            using var anonymous = node.Anonymous();
            var history = (await GetAsync(anonymous, "/api/bodies/pc-hue/grants?history=true")).EnumerateArray().ToList();
            var granted = Assert.Single(history);
            Assert.Equal(("secretariat", "system", "Thư ký cũ"),
                (granted.GetProperty("role").GetString(), granted.GetProperty("grantedBy").GetProperty("userId").GetString(), granted.GetProperty("displayName").GetString()));

            // The deputy grant names no seated member: the body refuses it, so it stays where it was, still honoured.
            using var signedIn = await SignInAsync(node.Address, "thuky.cu", Password);
            var roles = (await GetAsync(signedIn, "/api/auth/me")).GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("role").GetString()).Order();
            Assert.Equal(["deputy", "secretariat"], roles);
        }
    }
}
