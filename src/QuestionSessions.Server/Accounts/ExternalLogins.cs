using System.Data.Common;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Which account an identity provider's subject signs in as: (issuer, subject) → user id. A subject is unique only
/// within its issuer, so both make the key. A subject with no row here signs nobody in.
/// </summary>
internal sealed class ExternalLogins(IEventStore store, TimeProvider clock)
{
    public static async Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS external_logins (
                issuer TEXT NOT NULL,
                subject TEXT NOT NULL,
                user_id TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (issuer, subject))
            """, cancellationToken);
    }

    public async Task<string?> FindUserAsync(string issuer, string subject, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT user_id FROM external_logins WHERE issuer = @issuer AND subject = @subject", ("issuer", issuer), ("subject", subject));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Links the subject to the user; false when it is already linked to another user (a repeat for the same user is true).</summary>
    public async Task<bool> LinkAsync(string issuer, string subject, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using (var command = Sql.Command(connection, null, """
            INSERT INTO external_logins (issuer, subject, user_id, created_at) VALUES (@issuer, @subject, @user, @now)
            ON CONFLICT (issuer, subject) DO NOTHING
            """,
            ("issuer", issuer), ("subject", subject), ("user", userId), ("now", clock.GetUtcNow().ToUnixTimeMilliseconds())))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return await FindUserAsync(issuer, subject, cancellationToken) == userId;
    }
}
