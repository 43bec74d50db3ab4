using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>A revoked role leaves a signed-in session within a minute, without the holder signing out.</summary>
public sealed class GrantRefreshTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store, clock: _clock);

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_revoked_role_is_gone_from_the_holders_session_after_a_minute()
    {
        using var supervisor = await _node.SignInAsync("supervisor.hue");
        using var admin = await _node.SignInAsync("admin");
        var userId = (await GetAsync(supervisor.Http, "/api/auth/me")).GetProperty("userId").GetString();
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants/revocation", new { userId, role = "supervisor", reason = "Chuyển công tác" }));

        // Within the minute the cookie is what it was issued with; after it, the roles are read again.
        Assert.Single((await GetAsync(supervisor.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await GetAsync(supervisor.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}
