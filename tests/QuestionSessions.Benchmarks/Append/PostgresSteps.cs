using Npgsql;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The PostgreSQL append taken apart for <c>--diagnose</c>: the store's own SQL, rebuilt step by step on
/// the store's tables with pooled connections as the store uses them, then the store's AppendAsync
/// without the aggregate host. Each step writes streams of its own.
/// </summary>
internal sealed class PostgresSteps(NpgsqlDataSource source, CommandPath ours, SittingState state, StoredEvent sample, int writers) : IAsyncDisposable
{
    private readonly long[][] _versions = [.. Enumerable.Range(0, 12).Select(_ => new long[writers])];

    [Flags]
    private enum Sql
    {
        None = 0,
        /// <summary>An explicit transaction, committed in its own round trip (as the store does).</summary>
        Transaction = 1,
        /// <summary>Read the stream's head (version, hash) first.</summary>
        ReadHead = 2,
        /// <summary>pg_notify in the insert's batch, inside the transaction (as the store does).</summary>
        NotifyInside = 4,
        /// <summary>The sitting_directory upsert, as its own statement after the insert (as the projection does).</summary>
        Upsert = 8,
        /// <summary>The upsert in the insert's batch instead (one round trip for both).</summary>
        UpsertInBatch = 16,
        /// <summary>pg_notify as a statement of its own after the commit.</summary>
        NotifyAfter = 32,
        TheStore = Transaction | ReadHead | NotifyInside | Upsert,
    }

    public IReadOnlyList<Breakdown.Step> Steps(RawPostgresInserts baseline) =>
    [
        new("baseline: autocommit INSERT into a table shaped like events, a stream per writer", baseline.InsertAsync),
        Step(1, "autocommit INSERT into the events table (its three indexes)", Sql.None),
        Step(2, "transaction: read head, INSERT, COMMIT", Sql.Transaction | Sql.ReadHead),
        Step(3, "transaction: read head, INSERT + pg_notify, COMMIT", Sql.Transaction | Sql.ReadHead | Sql.NotifyInside),
        Step(4, "transaction: read head, INSERT, upsert, COMMIT (no notify)", Sql.Transaction | Sql.ReadHead | Sql.Upsert),
        Step(5, "the store's SQL: read head, INSERT + pg_notify, upsert, COMMIT", Sql.TheStore),
        new("IEventStore.AppendAsync with the directory projection", StoreAppendAsync),
        new("ours: AggregateHost.ExecuteAsync", ours.PublishAsync),
        Step(8, "proposal A: the store's SQL, pg_notify after COMMIT", Sql.Transaction | Sql.ReadHead | Sql.Upsert | Sql.NotifyAfter),
        Step(9, "proposal B: A without reading the head (cached in the activation)", Sql.Transaction | Sql.Upsert | Sql.NotifyAfter),
        Step(10, "proposal C: one autocommit batch (INSERT + upsert), pg_notify after", Sql.UpsertInBatch | Sql.NotifyAfter),
        Step(11, "proposal C without the notify (a batching notifier's ceiling)", Sql.UpsertInBatch),
    ];

    private Breakdown.Step Step(int slot, string name, Sql sql) => new(name, (w, ct) => RunSqlAsync(slot, w, sql, ct));

    private async Task<int> RunSqlAsync(int slot, int writer, Sql sql, CancellationToken cancellationToken)
    {
        var stream = $"diag-{slot}/{writer}";
        var version = ++_versions[slot][writer];
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var transaction = sql.HasFlag(Sql.Transaction) ? await connection.BeginTransactionAsync(cancellationToken) : null;
        if (sql.HasFlag(Sql.ReadHead))
        {
            await using var read = new NpgsqlCommand("SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1", connection, transaction);
            read.Parameters.Add(new NpgsqlParameter { Value = stream });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING position
                """);
            foreach (var value in new object[] { stream, version, sample.Type, sample.Data, sample.Metadata, DateTimeOffset.UtcNow, sample.PrevHash, sample.Hash })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(insert);
            if (sql.HasFlag(Sql.NotifyInside))
            {
                batch.BatchCommands.Add(Notify(stream, version));
            }

            if (sql.HasFlag(Sql.UpsertInBatch))
            {
                batch.BatchCommands.Add(Upsert(stream, version));
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        if (sql.HasFlag(Sql.Upsert))
        {
            await using var upsert = new NpgsqlBatch(connection, transaction) { BatchCommands = { Upsert(stream, version) } };
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        if (sql.HasFlag(Sql.NotifyAfter))
        {
            await using var notify = new NpgsqlBatch(connection) { BatchCommands = { Notify(stream, version) } };
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        return 1;
    }

    private static NpgsqlBatchCommand Notify(string stream, long version) => new("SELECT pg_notify($1, $2)")
    {
        Parameters = { new NpgsqlParameter { Value = "qs_events" }, new NpgsqlParameter { Value = $"{stream}:{version}" } },
    };

    private static NpgsqlBatchCommand Upsert(string stream, long version) => new("""
        INSERT INTO sitting_directory (sitting_id, body_id, title, starts_at, status, opened_at, closed_at, clusters, questions, commitments, version)
        VALUES ($1, 'na', 'diag', '2026-01-01T00:00:00.0000000Z', 'Open', NULL, NULL, 1, 0, 0, $2)
        ON CONFLICT (sitting_id) DO UPDATE SET status = excluded.status, version = excluded.version
        """)
    {
        Parameters = { new NpgsqlParameter { Value = stream }, new NpgsqlParameter { Value = version } },
    };

    private async Task<int> StoreAppendAsync(int writer, CancellationToken cancellationToken)
    {
        var stream = $"diag-store/{writer}";
        var expected = _versions[6][writer];
        var directory = new SittingDirectory();
        NewEvent[] events = [new NewEvent(sample.Type, sample.Data, sample.Metadata)];
        await ours.Store.AppendAsync(
            new AppendRequest(stream, expected, events, Projections: [.. directory.Project(stream, SittingState.Empty, state, expected + 1, events)]),
            cancellationToken);
        _versions[6][writer] = expected + 1;
        return 1;
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
