using System.Data.Common;
using Microsoft.Extensions.Options;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Accounts;

/// <summary>Failed sign-ins counted for one username within a window, and the lock they lead to.</summary>
internal sealed record LockoutState(int Failures, DateTimeOffset WindowStartedAt, DateTimeOffset? LockedUntil)
{
    public static LockoutState None { get; } = new(0, DateTimeOffset.MinValue, null);

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <summary>
    /// The state after one more failed attempt: failures older than the window start a new count; the
    /// MaxFailures-th failure within the window locks for the configured time and starts the count afresh.
    /// </summary>
    public LockoutState AfterFailure(DateTimeOffset now, LockoutOptions options)
    {
        var counting = now - WindowStartedAt < options.Window ? this : new LockoutState(0, now, null);
        var failures = counting.Failures + 1;
        return failures >= options.MaxFailures
            ? new LockoutState(0, now, now + options.Duration)
            : counting with { Failures = failures };
    }
}

internal sealed class LockoutOptions
{
    public int MaxFailures { get; set; } = 5;

    /// <summary>How long a lock lasts (config Accounts:Lockout:Minutes).</summary>
    public int Minutes { get; set; } = 15;

    /// <summary>Failures this far apart are not counted together (config Accounts:Lockout:WindowMinutes).</summary>
    public int WindowMinutes { get; set; } = 15;

    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);
}

/// <summary>
/// Lockout state in its own table, keyed by the normalized username whether or not an account has it: an unknown
/// name is counted and locked exactly like a real one, so the answers tell nobody which names exist. Two failures
/// racing may be counted once; the per-address sign-in rate limit bounds what that gives away.
/// </summary>
internal sealed class LockoutStore(IEventStore store, TimeProvider clock, IOptions<LockoutOptions> options)
{
    public LockoutOptions Options => options.Value;

    public static async Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS account_lockouts (
                username TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                window_started_at BIGINT NOT NULL,
                locked_until BIGINT NULL)
            """, cancellationToken);
    }

    public async Task<LockoutState> GetAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT failures, window_started_at, locked_until FROM account_lockouts WHERE username = @username", ("username", Normalize(username)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return LockoutState.None;
        }

        return new LockoutState(
            reader.GetInt32(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
            reader.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    /// <summary>Counts a failed attempt and returns the new state (locked when this failure was one too many).</summary>
    public async Task<LockoutState> RecordFailureAsync(string username, LockoutState before, CancellationToken cancellationToken)
    {
        var after = before.AfterFailure(clock.GetUtcNow(), options.Value);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            INSERT INTO account_lockouts (username, failures, window_started_at, locked_until) VALUES (@username, @failures, @window, @locked)
            ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until
            """,
            ("username", Normalize(username)), ("failures", after.Failures), ("window", after.WindowStartedAt.ToUnixTimeMilliseconds()),
            ("locked", after.LockedUntil?.ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return after;
    }

    /// <summary>A successful sign-in forgets earlier failures.</summary>
    public async Task ClearAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "DELETE FROM account_lockouts WHERE username = @username", ("username", Normalize(username)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Normalize(string username) => username.Trim().ToLowerInvariant();
}
