using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Server-side sign-in sessions. The cookie carries only a session id; a session revoked here (sign-out, sign out
/// everywhere) or past its expiry is refused on the next request even if a copy of the cookie was kept. Times are
/// Unix milliseconds so both databases compare them as numbers.
/// </summary>
internal sealed class SessionStore(IEventStore store, TimeProvider clock, IOptions<AccountSessionOptions> options)
{
    public static async Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS account_sessions (
                session_id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked_at BIGINT NULL,
                user_agent TEXT NOT NULL)
            """, cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, "CREATE INDEX IF NOT EXISTS account_sessions_user ON account_sessions (user_id)", cancellationToken);
    }

    /// <summary>Starts a session for the user and returns its id (128 random bits: the id alone proves nothing without the cookie's protection, but is not guessable either).</summary>
    public async Task<string> StartAsync(string userId, string? userAgent, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // Forget this user's sessions that ended long ago, so the table stays as small as the live sessions.
        await using (var sweep = Sql.Command(connection, null, "DELETE FROM account_sessions WHERE user_id = @user AND expires_at < @now", ("user", userId), ("now", now)))
        {
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = Sql.Command(connection, null, """
            INSERT INTO account_sessions (session_id, user_id, created_at, last_seen_at, expires_at, revoked_at, user_agent)
            VALUES (@id, @user, @now, @now, @expires, NULL, @agent)
            """,
            ("id", id), ("user", userId), ("now", now), ("expires", now + (long)options.Value.IdleTimeout.TotalMilliseconds), ("agent", Summarize(userAgent)));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>
    /// The session's account, with the grants it holds now, if the session is live (known, not revoked, not
    /// expired) and the account exists; else null. One query on every request: the session, the account and its
    /// grants are read together, nothing is cached, so a sign-out, a revoked session or a withdrawn grant counts
    /// from the very next request on every node. A live session seen again after a tenth of its idle timeout
    /// slides its expiry forward: a second statement at most every few minutes.
    /// </summary>
    public async Task<Account?> ValidateAsync(string sessionId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        Account? account = null;
        var grants = new List<Grant>();
        long lastSeen = 0;
        // One row per active grant (or one row with NULLs for an account without any).
        await using (var command = Sql.Command(connection, null, """
            SELECT a.user_id, a.username, a.display_name, a.grants, s.last_seen_at, g.role, g.body_id, g.person_id
            FROM account_sessions s
            JOIN accounts a ON a.user_id = s.user_id
            LEFT JOIN role_grants g ON g.user_id = s.user_id AND g.revoked_at IS NULL
            WHERE s.session_id = @id AND s.revoked_at IS NULL AND s.expires_at > @now
            ORDER BY g.body_id, g.version
            """,
            ("id", sessionId), ("now", now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                account ??= new Account(reader.GetString(0), reader.GetString(1), reader.GetString(2), "", AccountStore.LegacyGrants(reader.GetString(3)));
                lastSeen = reader.GetInt64(4);
                if (Administration.RoleGrantLedger.ReadGrant(reader, 5) is { } grant)
                {
                    grants.Add(grant);
                }
            }
        }

        if (account is null)
        {
            return null;
        }

        var idle = (long)options.Value.IdleTimeout.TotalMilliseconds;
        if (now - lastSeen > idle / 10)
        {
            await using var touch = Sql.Command(connection, null,
                "UPDATE account_sessions SET last_seen_at = @now, expires_at = @expires WHERE session_id = @id AND revoked_at IS NULL",
                ("id", sessionId), ("now", now), ("expires", now + idle));
            await touch.ExecuteNonQueryAsync(cancellationToken);
        }

        return account with { Grants = [.. account.Grants.Union(grants)] };
    }

    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "UPDATE account_sessions SET revoked_at = @now WHERE session_id = @id AND revoked_at IS NULL",
            ("id", sessionId), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Revokes every live session of the user; returns how many.</summary>
    public async Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "UPDATE account_sessions SET revoked_at = @now WHERE user_id = @user AND revoked_at IS NULL",
            ("user", userId), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Enough to tell one's own devices apart in a list, never a fingerprint: the first 120 characters.
    private static string Summarize(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent) ? "" : userAgent.Length <= 120 ? userAgent : userAgent[..120];
}

internal sealed class AccountSessionOptions
{
    /// <summary>A session unused this long ends; each use moves the end forward.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(12);
}
