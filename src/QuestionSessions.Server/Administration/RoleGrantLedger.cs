using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Administration;

/// <summary>
/// Every grant of a role, held or taken back, one row per <see cref="RoleGranted"/> (keyed by the body and the
/// event's version), written in the append's transaction. Accounts read their roles from the rows not revoked;
/// the public history of a body's roles is the whole table for that body.
/// </summary>
internal sealed class RoleGrantLedger : IProjection<BodyState>
{
    public static async Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS role_grants (
                body_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                user_id TEXT NOT NULL,
                display_name TEXT NOT NULL,
                role TEXT NOT NULL,
                person_id TEXT NULL,
                granted_at TEXT NOT NULL,
                granted_by TEXT NOT NULL,
                granted_by_name TEXT NOT NULL,
                revoked_at TEXT NULL,
                revoked_by TEXT NULL,
                revoked_by_name TEXT NULL,
                revoked_reason TEXT NULL,
                PRIMARY KEY (body_id, version))
            """, cancellationToken);
        await Sql.ExecuteAsync(connection, transaction, "CREATE INDEX IF NOT EXISTS role_grants_user ON role_grants (user_id)", cancellationToken);
    }

    public IEnumerable<ProjectionWrite> Project(string streamId, BodyState before, BodyState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (before.Grants == after.Grants)
        {
            yield break;
        }

        var bodyId = streamId[(streamId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        for (var i = 0; i < events.Count; i++)
        {
            switch (events[i].Type)
            {
                case "role_granted":
                    var granted = JsonSerializer.Deserialize<RoleGranted>(events[i].Data, Json.Options)!;
                    yield return new ProjectionWrite("""
                        INSERT INTO role_grants (body_id, version, user_id, display_name, role, person_id, granted_at, granted_by, granted_by_name)
                        VALUES (@body, @version, @user, @name, @role, @person, @at, @by, @byName)
                        ON CONFLICT (body_id, version) DO NOTHING
                        """,
                        [("body", bodyId), ("version", firstVersion + i), ("user", granted.UserId), ("name", granted.DisplayName),
                        ("role", granted.Role.ToString()), ("person", granted.PersonId), ("at", Timestamp(granted.At)),
                        ("by", granted.By.UserId), ("byName", granted.By.Name)]);
                    break;
                case "role_revoked":
                    var revoked = JsonSerializer.Deserialize<RoleRevoked>(events[i].Data, Json.Options)!;
                    yield return new ProjectionWrite("""
                        UPDATE role_grants SET revoked_at = @at, revoked_by = @by, revoked_by_name = @byName, revoked_reason = @reason
                        WHERE body_id = @body AND user_id = @user AND role = @role AND COALESCE(person_id, '') = @person AND revoked_at IS NULL
                        """,
                        [("body", bodyId), ("user", revoked.UserId), ("role", revoked.Role.ToString()), ("person", revoked.PersonId ?? ""),
                        ("at", Timestamp(revoked.At)), ("by", revoked.By.UserId), ("byName", revoked.By.Name), ("reason", revoked.Reason)]);
                    break;
            }
        }
    }

    /// <summary>The roles <paramref name="userId"/> holds now, in every body.</summary>
    public static async Task<IReadOnlyList<Grant>> ActiveAsync(DbConnection connection, string userId, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, null,
            "SELECT role, body_id, person_id FROM role_grants WHERE user_id = @user AND revoked_at IS NULL ORDER BY body_id, version",
            ("user", userId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var grants = new List<Grant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (ReadGrant(reader, 0) is { } grant)
            {
                grants.Add(grant);
            }
        }

        return grants;
    }

    /// <summary>
    /// The grant in columns role, body_id, person_id from <paramref name="first"/> on; null when the role is NULL (an
    /// outer join found none) or a name this version does not know.
    /// </summary>
    public static Grant? ReadGrant(DbDataReader reader, int first) =>
        !reader.IsDBNull(first) && Enum.TryParse<Role>(reader.GetString(first), out var role)
            ? new Grant(role, reader.GetString(first + 1), reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2))
            : null;

    /// <summary>The roles of one body: held now, or (with <paramref name="history"/>) every grant ever made, oldest first.</summary>
    public static async Task<IReadOnlyList<RoleGrantRecord>> ListAsync(IEventStore store, string bodyId, bool history, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, $"""
            SELECT user_id, display_name, role, person_id, granted_at, granted_by, granted_by_name, revoked_at, revoked_by, revoked_by_name, revoked_reason
            FROM role_grants WHERE body_id = @body {(history ? "" : "AND revoked_at IS NULL")} ORDER BY version
            """, ("body", bodyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<RoleGrantRecord>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new RoleGrantRecord(
                reader.GetString(0), reader.GetString(1), Enum.Parse<Role>(reader.GetString(2)), Text(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), new ActorRef(reader.GetString(5), reader.GetString(6)),
                Text(7) is { } revokedAt ? DateTimeOffset.Parse(revokedAt, CultureInfo.InvariantCulture) : null,
                Text(8) is { } revokedBy ? new ActorRef(revokedBy, Text(9) ?? revokedBy) : null, Text(10)));
        }

        return records;
    }

    private static string Timestamp(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}

/// <summary>One grant in a body's public history of roles: who, which role for whom, since when and by whom, and its end.</summary>
internal sealed record RoleGrantRecord(
    string UserId, string DisplayName, Role Role, string? PersonId, DateTimeOffset GrantedAt, ActorRef GrantedBy,
    DateTimeOffset? RevokedAt, ActorRef? RevokedBy, string? RevokedReason);
