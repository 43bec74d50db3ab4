using System.Data.Common;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Bodies;

/// <summary>
/// The list of bodies, written atomically with the append so the list never disagrees with the streams. It counts the
/// members seated and the officials serving now (unseated members and relieved officials are not counted).
/// </summary>
internal sealed class BodyDirectory : IProjection<BodyState>
{
    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) => Sql.ExecuteAsync(connection, transaction, """
        CREATE TABLE IF NOT EXISTS body_directory (
            body_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            name_en TEXT NOT NULL,
            parent_body_id TEXT NULL,
            term TEXT NOT NULL,
            members INTEGER NOT NULL,
            officials INTEGER NOT NULL,
            version BIGINT NOT NULL)
        """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(string streamId, BodyState before, BodyState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        // A new rules profile changes nothing listed.
        if (before.Name == after.Name && before.NameEn == after.NameEn && before.Term == after.Term && before.ParentBodyId == after.ParentBodyId
            && before.SeatedCount == after.SeatedCount && before.ServingCount == after.ServingCount && before.Exists == after.Exists)
        {
            yield break;
        }

        var state = after;
        yield return new ProjectionWrite("""
            INSERT INTO body_directory (body_id, kind, name, name_en, parent_body_id, term, members, officials, version)
            VALUES (@id, @kind, @name, @nameEn, @parent, @term, @members, @officials, @version)
            ON CONFLICT (body_id) DO UPDATE SET kind = excluded.kind, name = excluded.name, name_en = excluded.name_en,
                parent_body_id = excluded.parent_body_id, term = excluded.term, members = excluded.members,
                officials = excluded.officials, version = excluded.version
            """,
            [("id", state.BodyId), ("kind", state.Kind.ToString()), ("name", state.Name), ("nameEn", state.NameEn),
            ("parent", state.ParentBodyId), ("term", state.Term), ("members", state.SeatedCount),
            ("officials", state.ServingCount), ("version", firstVersion + events.Count - 1)]);
    }

    public static async Task<IReadOnlyList<BodySummary>> ListAsync(IEventStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            "SELECT body_id, kind, name, name_en, parent_body_id, term, members, officials FROM body_directory ORDER BY body_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var bodies = new List<BodySummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            bodies.Add(new BodySummary(
                reader.GetString(0), Enum.Parse<BodyKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), Convert.ToInt32(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture)));
        }

        // National Assembly first, then provinces, then communes: the order of the two-level system.
        return [.. bodies.OrderBy(b => b.Kind).ThenBy(b => b.BodyId, StringComparer.Ordinal)];
    }
}
