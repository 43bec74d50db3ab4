using System.Data.Common;
using System.Globalization;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Sittings;

/// <summary>The list of sittings, written atomically with the append: what the list shows has happened.</summary>
internal sealed class SittingDirectory : IProjection<SittingState>
{
    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) => Sql.ExecuteAsync(connection, transaction, """
        CREATE TABLE IF NOT EXISTS sitting_directory (
            sitting_id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL,
            title TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            status TEXT NOT NULL,
            opened_at TEXT NULL,
            closed_at TEXT NULL,
            clusters INTEGER NOT NULL,
            questions INTEGER NOT NULL,
            commitments INTEGER NOT NULL,
            version BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS sitting_directory_starts ON sitting_directory (starts_at);
        """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(string streamId, SittingState before, SittingState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        // Most events (transcript, turns, calls) change nothing the list shows: write only when a listed
        // fact changed, so the version column is the version at which the listing last changed.
        if (Listed(before) == Listed(after))
        {
            yield break;
        }

        var state = after;
        yield return new ProjectionWrite("""
            INSERT INTO sitting_directory (sitting_id, body_id, title, starts_at, status, opened_at, closed_at, clusters, questions, commitments, version)
            VALUES (@id, @body, @title, @starts, @status, @opened, @closed, @clusters, @questions, @commitments, @version)
            ON CONFLICT (sitting_id) DO UPDATE SET title = excluded.title, starts_at = excluded.starts_at, status = excluded.status,
                opened_at = excluded.opened_at, closed_at = excluded.closed_at, clusters = excluded.clusters,
                questions = excluded.questions, commitments = excluded.commitments, version = excluded.version
            """,
            [("id", state.SittingId.ToString()), ("body", state.BodyId), ("title", state.Title), ("starts", Iso(state.StartsAt)),
            ("status", state.Status.ToString()), ("opened", state.OpenedAt is { } o ? Iso(o) : null),
            ("closed", state.ClosedAt is { } c ? Iso(c) : null), ("clusters", state.Clusters.Count),
            ("questions", state.Questions.Count), ("commitments", state.Commitments.Count), ("version", firstVersion + events.Count - 1)]);
    }

    public static async Task<IReadOnlyList<SittingSummary>> ListAsync(IEventStore store, string? bodyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        // The cast gives the parameter a type: PostgreSQL cannot infer one from "IS NULL" and refuses the query.
        await using var command = Sql.Command(connection, null, """
            SELECT sitting_id, body_id, title, starts_at, status, opened_at, closed_at, clusters, questions, commitments, version
            FROM sitting_directory WHERE (CAST(@body AS TEXT) IS NULL OR body_id = @body) ORDER BY starts_at DESC, sitting_id
            """, ("body", bodyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<SittingSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new SittingSummary(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3)),
                Enum.Parse<SittingStatus>(reader.GetString(4)), reader.IsDBNull(5) ? null : Parse(reader.GetString(5)),
                reader.IsDBNull(6) ? null : Parse(reader.GetString(6)), Int(reader.GetValue(7)), Int(reader.GetValue(8)),
                Int(reader.GetValue(9)), Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static (string Title, DateTimeOffset StartsAt, SittingStatus Status, int Clusters, int Questions, int Commitments) Listed(SittingState s) =>
        (s.Title, s.StartsAt, s.Status, s.Clusters.Count, s.Questions.Count, s.Commitments.Count);

    // Fixed-width UTC text sorts in time order on both providers.
    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static int Int(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
