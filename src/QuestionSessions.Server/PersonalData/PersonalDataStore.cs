using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.PersonalData;

/// <summary>
/// Petitioners' and requesters' identities and contacts, kept outside the event log in one table keyed by a
/// subject id that the events carry instead (ADR 4). An erasure blanks the row and keeps only when it was
/// erased: no event held the details, so every hash chain still verifies. A filer without an account proves
/// who they are with the secret shown once at filing; only its SHA-256 is kept (the secret is 128 random
/// bits, so a plain hash is as strong as a slow one).
/// </summary>
internal sealed class PersonalDataStore(IEventStore store, TimeProvider time)
{
    public const int MaxName = 200;
    public const int MaxContact = 200;
    public const int MaxAddress = 500;
    public const int MaxIdNumber = 40;

    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS personal_data (
                subject_id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                full_name TEXT NULL,
                contact TEXT NULL,
                address TEXT NULL,
                id_number TEXT NULL,
                account_id TEXT NULL,
                secret_hash TEXT NULL,
                created_at TEXT NOT NULL,
                erased_at TEXT NULL,
                erasure_reason TEXT NULL)
            """, cancellationToken);

    /// <summary>A fresh secret for a filer: 128 random bits as 32 hex characters.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// The filer's secret for a filing sent with the Idempotency-Key <paramref name="key"/>: 128 bits of a hash of
    /// the key, the same on every retry (the key never reaches the log); a fresh one without a key.
    /// </summary>
    public static string SecretFor(string? key) =>
        string.IsNullOrEmpty(key) ? NewSecret() : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"qs-filer-secret|{key}")))[..32];

    /// <summary>
    /// Keeps the details under <paramref name="subjectId"/> unless they are there already (a retried filing
    /// derives the same id and writes nothing new). Returns false when the id holds someone else's details.
    /// </summary>
    public async Task<bool> SaveAsync(Guid subjectId, SubjectKind kind, string? fullName, string? contact, string? address, string? idNumber,
        string? accountId, string? secret, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var insert = Sql.Command(connection, null, """
            INSERT INTO personal_data (subject_id, kind, full_name, contact, address, id_number, account_id, secret_hash, created_at)
            VALUES (@id, @kind, @name, @contact, @address, @idNumber, @account, @secret, @created)
            ON CONFLICT (subject_id) DO NOTHING
            """,
            ("id", subjectId.ToString()), ("kind", kind.ToString()), ("name", Blank(fullName)), ("contact", Blank(contact)),
            ("address", Blank(address)), ("idNumber", Blank(idNumber)), ("account", accountId),
            ("secret", secret is null ? null : Hash(secret)), ("created", CommitmentLedger.Iso(time.GetUtcNow())));
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return true;
        }

        var existing = await GetAsync(subjectId, cancellationToken);
        return existing is not null && existing.Kind == kind && existing.FullName == Blank(fullName) && existing.Contact == Blank(contact)
            && existing.AccountId == accountId;
    }

    public async Task<PersonalDetails?> GetAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT kind, full_name, contact, address, id_number, account_id, created_at, erased_at FROM personal_data WHERE subject_id = @id
            """, ("id", subjectId.ToString()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PersonalDetails(
            subjectId, Enum.Parse<SubjectKind>(reader.GetString(0)), Text(reader, 1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
            Text(reader, 5), Instant(reader.GetString(6)), reader.IsDBNull(7) ? null : Instant(reader.GetString(7)));
    }

    /// <summary>True when <paramref name="secret"/> is the one given at filing (false once erased: the secret goes too).</summary>
    public async Task<bool> HoldsSecretAsync(Guid subjectId, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100)
        {
            return false;
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT secret_hash FROM personal_data WHERE subject_id = @id AND erased_at IS NULL",
            ("id", subjectId.ToString()));
        return await command.ExecuteScalarAsync(cancellationToken) is string stored
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(Hash(secret)));
    }

    /// <summary>Blanks the details and the secret; returns false when there is no such subject. Erasing twice is harmless.</summary>
    public async Task<bool> EraseAsync(Guid subjectId, string reason, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            UPDATE personal_data SET full_name = NULL, contact = NULL, address = NULL, id_number = NULL, account_id = NULL,
                secret_hash = NULL, erased_at = COALESCE(erased_at, @at), erasure_reason = COALESCE(erasure_reason, @reason)
            WHERE subject_id = @id
            """, ("id", subjectId.ToString()), ("at", CommitmentLedger.Iso(time.GetUtcNow())), ("reason", reason));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Removes details saved for a filing that was then refused, so nothing is kept for a filing that never was.</summary>
    public async Task ForgetAsync(Guid subjectId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "DELETE FROM personal_data WHERE subject_id = @id", ("id", subjectId.ToString()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
