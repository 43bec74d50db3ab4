using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>A revoked role leaves a signed-in session on its next request, without the holder signing out.</summary>
public sealed class GrantRefreshTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store);

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task A_revoked_role_is_gone_from_the_holders_session_on_its_next_request()
    {
        using var supervisor = await _node.SignInAsync("supervisor.hue");
        using var admin = await _node.SignInAsync("admin");
        var userId = (await GetAsync(supervisor.Http, "/api/auth/me")).GetProperty("userId").GetString();
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants/revocation", new { userId, role = "supervisor", reason = "Chuyển công tác" }));

        // The session's roles are read with each request: no waiting for a cookie to be reissued.
        Assert.Empty((await GetAsync(supervisor.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}
