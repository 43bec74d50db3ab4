using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Server-side sessions: a cookie is only as good as the session it names.</summary>
public sealed class SessionTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private protected override TimeProvider Clock => _clock;

    private protected override string[] ExtraArguments => ["--Accounts:Sessions:IdleTimeout=00:10:00"];

    [Fact]
    public async Task A_cookie_saved_before_sign_out_is_refused_after_it()
    {
        using var chair = await Node.SignInAsync("chair.na");
        Assert.True(await Session.SignedInAsync(chair.Http));

        var (status, _) = await PostAsync(chair.Http, "/api/auth/sign-out");
        Assert.Equal(HttpStatusCode.NoContent, status);

        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, chair.Cookie));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_of_that_user_only()
    {
        using var laptop = await Node.SignInAsync("chair.na");
        using var phone = await Node.SignInAsync("chair.na");
        using var someoneElse = await Node.SignInAsync("secretariat.na");

        var (status, body) = await PostAsync(phone.Http, "/api/auth/sign-out-everywhere");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("sessions").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, laptop.Cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, phone.Cookie));
        Assert.False(await Session.SignedInAsync(laptop.Http));
        Assert.True(await Session.SignedInAsync(someoneElse.Http));
    }

    [Fact]
    public async Task A_session_unused_past_its_idle_timeout_ends_and_a_used_one_goes_on()
    {
        using var used = await Node.SignInAsync("chair.na");
        using var idle = await Node.SignInAsync("secretariat.na");

        for (var i = 0; i < 3; i++)
        {
            _clock.Advance(TimeSpan.FromMinutes(6));
            Assert.True(await Session.SignedInAsync(used.Http));
        }

        Assert.False(await Session.SignedInAsync(idle.Http));
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, idle.Cookie));
    }

    [Fact]
    public async Task A_withdrawn_grant_takes_effect_on_the_next_request_of_a_live_session()
    {
        using var chair = await Node.SignInAsync("chair.na");
        Assert.NotEmpty((await GetAsync(chair.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        var before = await VersionAsync(chair.Http, DemoSitting);

        // Revoked by an administrator as a body event; the session reads the grants back with the session itself (SessionStore.ValidateAsync).
        using var admin = await Node.SignInAsync("admin");
        var userId = (await GetAsync(chair.Http, "/api/auth/me")).GetProperty("userId").GetString();
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/na/grants/revocation", new { userId, role = "chair", reason = "Hết nhiệm kỳ" }));

        Assert.Empty((await GetAsync(chair.Http, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        var (status, _) = await SittingAsync(chair.Http, DemoSitting, "/open", new { });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
    }

    [Fact]
    public async Task A_role_granted_then_revoked_while_a_session_is_open_counts_from_the_next_request_each_time()
    {
        using var voter = Node.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(voter, "/api/auth/register", new { username = "thu.ky.moi", displayName = "Lê Thị Thư", password = "sông Hương núi Ngự" })).Status);
        var userId = (await GetAsync(voter, "/api/auth/me")).GetProperty("userId").GetString();
        using var admin = await Node.SignInAsync("admin");

        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants", new { username = "thu.ky.moi", role = "secretariat" }));
        var granted = Assert.Single((await GetAsync(voter, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        Assert.Equal(("secretariat", "pc-hue"), (granted.GetProperty("role").GetString(), granted.GetProperty("bodyId").GetString()));

        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants/revocation", new { userId, role = "secretariat", reason = "Chuyển công tác" }));
        Assert.Empty((await GetAsync(voter, "/api/auth/me")).GetProperty("grants").EnumerateArray());
        Assert.True(await Session.SignedInAsync(voter));
    }

    [Fact]
    public async Task A_removed_account_signs_its_live_sessions_out_at_once()
    {
        using var chair = await Node.SignInAsync("chair.hue");
        await ExecuteAsync("DELETE FROM accounts WHERE username = 'chair.hue'");

        Assert.False(await Session.SignedInAsync(chair.Http));
    }

    [Fact]
    public async Task A_forged_or_tampered_cookie_signs_nobody_in()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, "qs.auth=CfDJ8not-a-real-ticket"));
        using var chair = await Node.SignInAsync("chair.na");
        // The same cookie with one character changed no longer decrypts.
        var tampered = chair.Cookie[..^2] + (chair.Cookie[^2] == 'A' ? 'B' : 'A') + chair.Cookie[^1];
        Assert.Equal(HttpStatusCode.Unauthorized, await Session.ReplayAsync(Node.Address, tampered));
    }

    private async Task ExecuteAsync(string sql)
    {
        var store = Node.Services.GetRequiredService<IEventStore>();
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = Sql.Command(connection, null, sql);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
