using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// A sitting's published transcript, one row per segment at the version that published it, written
/// atomically with the append. The sitting's state keeps only the segments' ids: the text grows with every
/// segment and no rule reads it, so activation, snapshots and the sitting's public view stay small.
/// </summary>
internal sealed class SittingTranscript : IProjection<SittingState>
{
    /// <summary>The most segments one page of the transcript holds.</summary>
    public const int MaxPage = 500;

    public static async Task CreateTableAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await Sql.ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS sitting_transcript (
                sitting_id TEXT NOT NULL,
                version BIGINT NOT NULL,
                segment_id TEXT NOT NULL,
                turn_id TEXT NULL,
                speaker_name TEXT NOT NULL,
                markdown TEXT NOT NULL,
                published_at TEXT NOT NULL,
                PRIMARY KEY (sitting_id, version))
            """, cancellationToken);
        await BackfillAsync(connection, cancellationToken);
    }

    public IEnumerable<ProjectionWrite> Project(string streamId, SittingState before, SittingState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i].Type == LiveProtocolDocument.TranscriptAlias)
            {
                yield return Insert(after.SittingId, firstVersion + i, events[i].Data);
            }
        }
    }

    // published_at keeps the event's own offset, as the live event and the history show it.
    /// <summary>Segments published after <paramref name="after"/> up to <paramref name="upTo"/> (inclusive), in order, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<TranscriptView>> ListAsync(
        IEventStore store, TranscriptRenderer renderer, Guid sittingId, long after, long upTo, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT version, segment_id, turn_id, speaker_name, markdown, published_at FROM sitting_transcript
            WHERE sitting_id = @sitting AND version > @after AND version <= @upTo ORDER BY version LIMIT @limit
            """, ("sitting", sittingId.ToString()), ("after", after), ("upTo", upTo), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<TranscriptView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var markdown = reader.GetString(4);
            page.Add(new TranscriptView(
                Guid.Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : Guid.Parse(reader.GetString(2)), reader.GetString(3), markdown,
                renderer.ToHtml(markdown), DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)));
        }

        return page;
    }

    private static ProjectionWrite Insert(Guid sittingId, long version, string data)
    {
        var e = JsonSerializer.Deserialize<TranscriptSegmentPublished>(data, Json.Options)!;
        return new ProjectionWrite("""
            INSERT INTO sitting_transcript (sitting_id, version, segment_id, turn_id, speaker_name, markdown, published_at)
            VALUES (@sitting, @version, @segment, @turn, @speaker, @markdown, @at)
            ON CONFLICT (sitting_id, version) DO NOTHING
            """,
            [("sitting", sittingId.ToString()), ("version", version), ("segment", e.SegmentId.ToString()), ("turn", e.TurnId?.ToString()),
            ("speaker", e.SpeakerName), ("markdown", e.Markdown), ("at", e.At.ToString("O", CultureInfo.InvariantCulture))]);
    }

    // A store whose sittings were recorded before the transcript was a projection: the rows are made once
    // from the events, when the table is still empty and the store has segments.
    private static async Task BackfillAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using (var any = Sql.Command(connection, null, "SELECT 1 FROM sitting_transcript LIMIT 1"))
        {
            if (await any.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }

        var rows = new List<ProjectionWrite>();
        await using (var read = Sql.Command(connection, null, "SELECT stream_id, version, data FROM events WHERE type = @type ORDER BY position",
            ("type", LiveProtocolDocument.TranscriptAlias)))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var stream = reader.GetString(0);
                rows.Add(Insert(Guid.Parse(stream.AsSpan(stream.IndexOf('/', StringComparison.Ordinal) + 1)),
                    Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetString(2)));
            }
        }

        if (rows.Count == 0)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var row in rows)
        {
            await using var insert = Sql.Command(connection, transaction, row.Sql, [.. row.Parameters]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
