using System.Data.Common;
using System.Globalization;
using QuestionSessions.Domain.Resolutions;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Resolutions;

/// <summary>One resolution as a body's list shows it.</summary>
internal sealed record ResolutionSummary(Guid ResolutionId, string BodyId, string Number, string Title, DateOnly AdoptedOn, int Clauses, int Assigned);

/// <summary>The list of each body's resolutions, written with the resolution's events.</summary>
internal sealed class ResolutionDirectory : IProjection<ResolutionState>
{
    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) => Sql.ExecuteAsync(connection, transaction, """
        CREATE TABLE IF NOT EXISTS resolution_directory (
            resolution_id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL,
            number TEXT NOT NULL,
            title TEXT NOT NULL,
            adopted_on TEXT NOT NULL,
            clauses INTEGER NOT NULL,
            assigned INTEGER NOT NULL,
            version BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS resolution_directory_body ON resolution_directory (body_id, adopted_on);
        """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(string streamId, ResolutionState before, ResolutionState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists)
        {
            yield break;
        }

        yield return new ProjectionWrite("""
            INSERT INTO resolution_directory (resolution_id, body_id, number, title, adopted_on, clauses, assigned, version)
            VALUES (@id, @body, @number, @title, @adopted, @clauses, @assigned, @version)
            ON CONFLICT (resolution_id) DO UPDATE SET assigned = excluded.assigned, version = excluded.version
            """,
            [("id", after.ResolutionId.ToString()), ("body", after.BodyId), ("number", after.Number), ("title", after.Title),
            ("adopted", after.AdoptedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("clauses", after.Clauses.Count),
            ("assigned", after.Assignments.Count), ("version", firstVersion + events.Count - 1)]);
    }

    public static async Task<IReadOnlyList<ResolutionSummary>> ListAsync(IEventStore store, string bodyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT resolution_id, body_id, number, title, adopted_on, clauses, assigned FROM resolution_directory
            WHERE body_id = @body ORDER BY adopted_on DESC, resolution_id
            """, ("body", bodyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var list = new List<ResolutionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(new ResolutionSummary(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateOnly.ParseExact(reader.GetString(4), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture)));
        }

        return list;
    }
}
