using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Repeated failed sign-ins lock a username for a while, whether or not an account has it.</summary>
public sealed class LockoutTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private protected override TimeProvider Clock => _clock;

    private protected override string[] ExtraArguments => ["--Accounts:Lockout:MaxFailures=3", "--Accounts:Lockout:Minutes=15", "--Accounts:Lockout:WindowMinutes=10"];

    [Fact]
    public async Task A_locked_account_refuses_even_the_right_password_until_the_lock_ends()
    {
        using var http = Node.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.na", "sai-mat-khau")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.na", "sai-mat-khau")).Status);
        var third = await Session.SignInAsync(http, "chair.na", "sai-mat-khau");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Equal("account_locked", third.Body.GetProperty("code").GetString());

        var right = await Session.SignInAsync(http, "chair.na", TestNode.DemoPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.Equal("account_locked", right.Body.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromMinutes(15), right.Response.Headers.RetryAfter?.Delta);
        Assert.False(await Session.SignedInAsync(http));

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Session.SignInAsync(http, "chair.na", TestNode.DemoPassword)).Status);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(http, "chair.na", TestNode.DemoPassword)).Status);
        Assert.True(await Session.SignedInAsync(http));
    }

    [Fact]
    public async Task An_unknown_username_is_answered_exactly_like_a_real_one()
    {
        using var http = Node.Anonymous();
        var real = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            real.Add(Describe(await Session.SignInAsync(http, "secretariat.na", "sai-mat-khau")));
            unknown.Add(Describe(await Session.SignInAsync(http, "khong.ton.tai", "sai-mat-khau")));
        }

        Assert.Equal(["401 sign_in_failed", "401 sign_in_failed", "429 account_locked 900", "429 account_locked 900"], real);
        Assert.Equal(real, unknown);
    }

    [Fact]
    public async Task Failures_further_apart_than_the_window_do_not_add_up_and_a_success_clears_them()
    {
        using var http = Node.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.hue", "sai-mat-khau")).Status);
            _clock.Advance(TimeSpan.FromMinutes(6));
            Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.hue", "sai-mat-khau")).Status);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.hue", "sai-mat-khau")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(http, "chair.hue", TestNode.DemoPassword)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.hue", "sai-mat-khau")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "chair.hue", "sai-mat-khau")).Status);
    }

    private static string Describe((HttpStatusCode Status, System.Text.Json.JsonElement Body, HttpResponseMessage Response) answer)
    {
        using var response = answer.Response;
        var retry = response.Headers.RetryAfter?.Delta is { } delta ? $" {delta.TotalSeconds}" : "";
        return $"{(int)answer.Status} {answer.Body.GetProperty("code").GetString()}{retry}";
    }
}
