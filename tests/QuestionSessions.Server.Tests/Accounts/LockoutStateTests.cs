using QuestionSessions.Server.Accounts;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>The lockout rule alone, without a server: counting within the window, locking, starting afresh.</summary>
public sealed class LockoutStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly LockoutOptions Options = new() { MaxFailures = 3, Minutes = 15, WindowMinutes = 10 };

    [Fact]
    public void The_last_allowed_failure_within_the_window_locks_for_the_configured_time()
    {
        var state = LockoutState.None.AfterFailure(Start, Options).AfterFailure(Start.AddMinutes(4), Options);
        Assert.False(state.IsLocked(Start.AddMinutes(4)));

        state = state.AfterFailure(Start.AddMinutes(9), Options);

        Assert.True(state.IsLocked(Start.AddMinutes(9)));
        Assert.Equal(Start.AddMinutes(24), state.LockedUntil);
        Assert.False(state.IsLocked(Start.AddMinutes(24)));
    }

    [Fact]
    public void A_failure_after_the_window_starts_a_new_count()
    {
        var state = LockoutState.None.AfterFailure(Start, Options).AfterFailure(Start.AddMinutes(5), Options);

        state = state.AfterFailure(Start.AddMinutes(10), Options);

        Assert.Equal(1, state.Failures);
        Assert.Equal(Start.AddMinutes(10), state.WindowStartedAt);
        Assert.Null(state.LockedUntil);
    }
}
