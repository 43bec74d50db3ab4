using System.Data.Common;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Each OpenID Connect answer signs in once. The provider should refuse a spent authorization code, but one that
/// does not (or a callback address and cookies copied together before the code is spent) would otherwise start a
/// second session; the nonce of every accepted ID token is kept here until the token expires, so a second callback
/// carrying it is refused on every node.
/// </summary>
internal sealed class OidcReplayGuard(IEventStore store, TimeProvider clock)
{
    public static async Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS oidc_spent_nonces (
                nonce TEXT PRIMARY KEY,
                expires_at BIGINT NOT NULL)
            """, cancellationToken);
    }

    // Token validation accepts an ID token this long past its expiry.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>True the first time this nonce is presented; false for any later use while its token (expiring at <paramref name="expiresUtc"/>) is accepted.</summary>
    public async Task<bool> FirstUseAsync(string nonce, DateTime expiresUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(expiresUtc, DateTimeKind.Utc)).Add(ClockSkew).ToUnixTimeMilliseconds();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // Nonces of tokens that have expired can no longer be replayed (the token is refused as expired): forget them.
        await using (var sweep = Sql.Command(connection, null, "DELETE FROM oidc_spent_nonces WHERE expires_at < @now", ("now", now)))
        {
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = Sql.Command(connection, null,
            "INSERT INTO oidc_spent_nonces (nonce, expires_at) VALUES (@nonce, @expires) ON CONFLICT (nonce) DO NOTHING",
            ("nonce", nonce), ("expires", Math.Max(now, expires)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
