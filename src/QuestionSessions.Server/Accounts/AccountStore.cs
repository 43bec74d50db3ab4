using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Accounts;

/// <summary>Local accounts with hashed passwords (ASP.NET Core Identity's PBKDF2 hasher), in an ordinary table.</summary>
internal sealed class AccountStore(IEventStore store, Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> hashing)
{
    private static readonly JsonSerializerOptions GrantJson = CreateJson();
    private readonly PasswordHasher<Account> _hasher = new(hashing);
    private readonly Lazy<string> _dummyHash = new(() => new PasswordHasher<Account>(hashing).HashPassword(new Account("", "", "", "", []), Guid.NewGuid().ToString()));

    public static async Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS accounts (
                user_id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                grants TEXT NOT NULL)
            """, cancellationToken);
    }

    /// <summary>Creates the account unless the username exists; returns false when it did.</summary>
    public async Task<bool> CreateAsync(string username, string displayName, string password, IReadOnlyList<Grant> grants, CancellationToken cancellationToken)
    {
        var account = new Account(Guid.CreateVersion7().ToString("N"), username.Trim().ToLowerInvariant(), displayName, "", grants);
        account = account with { PasswordHash = _hasher.HashPassword(account, PasswordRules.Normalize(password)) };
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            INSERT INTO accounts (user_id, username, display_name, password_hash, grants)
            VALUES (@id, @username, @name, @hash, @grants)
            ON CONFLICT (username) DO NOTHING
            """,
            ("id", account.UserId), ("username", account.Username), ("name", account.DisplayName),
            ("hash", account.PasswordHash), ("grants", JsonSerializer.Serialize(account.Grants, GrantJson)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Creates an account that holds no role yet (roles are granted on the body streams); null when the username
    /// is taken.
    /// </summary>
    public async Task<Account?> CreateWithoutGrantsAsync(string username, string displayName, string password, CancellationToken cancellationToken) =>
        await CreateAsync(username, displayName, password, [], cancellationToken) ? await FindAsync(username, cancellationToken) : null;

    /// <summary>The account if the password matches, otherwise null (no hint which of the two was wrong).</summary>
    public async Task<Account?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(username, cancellationToken);
        if (account is null)
        {
            // Hash anyway so a missing user takes as long as a wrong password.
            _hasher.VerifyHashedPassword(new Account("", "", "", "", []), _dummyHash.Value, PasswordRules.Normalize(password));
            return null;
        }

        var normalized = PasswordRules.Normalize(password);
        if (_hasher.VerifyHashedPassword(account, account.PasswordHash, normalized) != PasswordVerificationResult.Failed)
        {
            return account;
        }

        // A hash made before passwords were normalised holds the password as it was typed: accept that form once and
        // store the normalised hash, so the same person on another keyboard signs in from now on.
        if (normalized == password || _hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            return null;
        }

        await SetPasswordHashAsync(account.UserId, _hasher.HashPassword(account, normalized), cancellationToken);
        return account;
    }

    private async Task SetPasswordHashAsync(string userId, string hash, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "UPDATE accounts SET password_hash = @hash WHERE user_id = @id", ("hash", hash), ("id", userId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<Account?> FindAsync(string username, CancellationToken cancellationToken) =>
        FindWhereAsync("username", username.Trim().ToLowerInvariant(), cancellationToken);

    /// <summary>The account with its current grants, by its id.</summary>
    public Task<Account?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        FindWhereAsync("user_id", userId, cancellationToken);

    // The column is one of the two names above, never input.
    private async Task<Account?> FindWhereAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection, null, $"SELECT user_id, username, display_name, password_hash, grants FROM accounts WHERE {column} = @value",
            ("value", value));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var account = new Account(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), LegacyGrants(reader.GetString(4)));
        await reader.DisposeAsync();
        // Roles come from the grant events' read model; the JSON column only holds grants of an older database
        // not yet issued as events (GrantMigration empties it at start-up).
        var granted = await Administration.RoleGrantLedger.ActiveAsync(connection, account.UserId, cancellationToken);
        return account with { Grants = [.. account.Grants.Union(granted)] };
    }

    /// <summary>Accounts whose JSON column still holds grants, with those grants.</summary>
    public async Task<IReadOnlyList<Account>> WithLegacyGrantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(
            connection, null, "SELECT user_id, username, display_name, grants FROM accounts WHERE grants <> '[]' ORDER BY username");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(new Account(reader.GetString(0), reader.GetString(1), reader.GetString(2), "", LegacyGrants(reader.GetString(3))));
        }

        return accounts;
    }

    /// <summary>Empties the JSON grants of an account once they are events.</summary>
    public async Task ClearLegacyGrantsAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "UPDATE accounts SET grants = '[]' WHERE user_id = @id", ("id", userId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Every account, without password hashes, for administrators choosing whom to grant a role.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT a.user_id, a.username, a.display_name, g.role, g.body_id, g.person_id
            FROM accounts a LEFT JOIN role_grants g ON g.user_id = a.user_id AND g.revoked_at IS NULL
            ORDER BY a.username, g.body_id, g.version
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<Account>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (accounts.Count == 0 || accounts[^1].UserId != reader.GetString(0))
            {
                accounts.Add(new Account(reader.GetString(0), reader.GetString(1), reader.GetString(2), "", new List<Grant>()));
            }

            if (Administration.RoleGrantLedger.ReadGrant(reader, 3) is { } grant)
            {
                ((List<Grant>)accounts[^1].Grants).Add(grant);
            }
        }

        return accounts;
    }

    /// <summary>The grants column of an older database (see <see cref="FindByIdAsync"/>).</summary>
    public static IReadOnlyList<Grant> LegacyGrants(string json) => JsonSerializer.Deserialize<List<Grant>>(json, GrantJson) ?? [];

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Extensions.ConfigureJson(options);
        return options;
    }

}
