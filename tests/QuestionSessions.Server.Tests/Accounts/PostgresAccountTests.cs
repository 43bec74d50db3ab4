using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Sessions, lockout and registration on PostgreSQL: the same SQL as on SQLite, the same answers.</summary>
public sealed class PostgresAccountTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
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
    public async Task Registration_lockout_revocation_and_identity_links_work_on_PostgreSQL()
    {
        _node = await TestNode.StartAsync(new TestStore("Postgres", _database.ConnectionString), clock: _clock, extra: ["--Accounts:Lockout:MaxFailures=2"]);
        using var voter = _node.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(voter, "/api/auth/register", new { username = "cu.tri.pg", displayName = "Trần Văn Bình", password = "sông Hương xanh" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(voter, "/api/auth/sign-out-everywhere")).Status);
        Assert.False(await Session.SignedInAsync(voter));

        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(voter, "cu.tri.pg", "sai-mat-khau")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Session.SignInAsync(voter, "cu.tri.pg", "sai-mat-khau")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Session.SignInAsync(voter, "cu.tri.pg", "sông Hương xanh")).Status);
        _clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(voter, "cu.tri.pg", "sông Hương xanh")).Status);

        using var chair = await _node.SignInAsync("chair.na");
        var chairId = (await GetAsync(chair.Http, "/api/auth/me")).GetProperty("userId").GetString();
        var voterId = (await GetAsync(voter, "/api/auth/me")).GetProperty("userId").GetString();
        using (var admin = await _node.SignInAsync("admin"))
        {
            var link = new { issuer = "https://vneid.example/", subject = "079201000001" };
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin.Http, $"/api/admin/accounts/{voterId}/external-logins", link)).Status);
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin.Http, $"/api/admin/accounts/{voterId}/external-logins", link)).Status);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(admin.Http, $"/api/admin/accounts/{chairId}/external-logins", link)).Status);
        }

        // A role withdrawn while the session is open: the next request, read in the session's one query, no longer has it.
        using (var admin = await _node.SignInAsync("admin"))
        {
            AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/na/grants/revocation", new { userId = chairId, role = "chair", reason = "Hết nhiệm kỳ" }));
        }

        Assert.DoesNotContain((await GetAsync(chair.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray(), g => g.GetProperty("role").GetString() == "chair");
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(chair.Http, "/api/auth/sign-out")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(_node.Address, chair.Cookie));
    }
}
