using Npgsql;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Storage.Postgres;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The PostgreSQL append taken apart for <c>--diagnose</c>: a plain insert into the store's events table,
/// then with the projection's upsert in the same batch, both on connections set up as the store's
/// (<see cref="PostgresConnections.ForCommands"/>); then the store's AppendAsync without the aggregate
/// host; then the full path. Each step writes streams of its own.
/// </summary>
internal sealed class PostgresSteps(NpgsqlDataSource source, CommandPath ours, SittingState state, StoredEvent sample, int writers) : IAsyncDisposable
{
    private readonly long[][] _versions = [.. Enumerable.Range(0, 8).Select(_ => new long[writers])];
    private readonly string?[] _hashes = new string?[writers];
    private readonly SittingDirectory _directory = new();

    public IReadOnlyList<Breakdown.Step> Steps(RawPostgresInserts baseline) =>
    [
        new("baseline: autocommit INSERT into a table shaped like events, a connection per writer", baseline.InsertAsync),
        new("autocommit INSERT into a plain table (the same columns, no key, no index), pooled connections", PlainInsertAsync),
        new("autocommit INSERT into the events table, pooled connections set up as the store's", (w, ct) => RunSqlAsync(1, w, upsert: false, ct)),
        new("the same with the sitting_directory upsert in the insert's batch", (w, ct) => RunSqlAsync(2, w, upsert: true, ct)),
        new("IEventStore.AppendAsync as the host calls it (chained insert, hash from the last append, coalesced NOTIFY)", StoreAppendAsync),
        new("a grain call that does no I/O: ISittingGrain.Get on the writer's sitting", ours.ReadAsync),
        new("ours: ISittingGrain.Execute", ours.PublishAsync),
    ];

    /// <summary>Creates the plain table of the second step (no identity, no constraint, no index).</summary>
    public async Task CreatePlainTableAsync(CancellationToken cancellationToken)
    {
        await using var create = source.CreateCommand("""
            CREATE TABLE bench_plain_events (
                stream_id text, version bigint, type text, data text, metadata text,
                recorded_at timestamptz, prev_hash text, hash text)
            """);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int> PlainInsertAsync(int writer, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO bench_plain_events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, connection);
        foreach (var value in new object[] { $"plain/{writer}", ++_versions[7][writer], sample.Type, sample.Data, sample.Metadata, DateTimeOffset.UtcNow, sample.PrevHash, sample.Hash })
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await insert.ExecuteNonQueryAsync(cancellationToken);
        return 1;
    }

    private async Task<int> RunSqlAsync(int slot, int writer, bool upsert, CancellationToken cancellationToken)
    {
        var stream = $"diag-{slot}/{writer}";
        var version = ++_versions[slot][writer];
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING position
            """);
        foreach (var value in new object[] { stream, version, sample.Type, sample.Data, sample.Metadata, DateTimeOffset.UtcNow, sample.PrevHash, sample.Hash })
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(insert);
        if (upsert)
        {
            batch.BatchCommands.Add(Upsert(stream, version));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return 1;
    }

    private static NpgsqlBatchCommand Upsert(string stream, long version) => new("""
        INSERT INTO sitting_directory (sitting_id, body_id, title, starts_at, status, opened_at, closed_at, clusters, questions, commitments, version)
        VALUES ($1, 'na', 'diag', '2026-01-01T00:00:00.0000000Z', 'Open', NULL, NULL, 1, 0, 0, $2)
        ON CONFLICT (sitting_id) DO UPDATE SET status = excluded.status, version = excluded.version
        """)
    {
        Parameters = { new NpgsqlParameter { Value = stream }, new NpgsqlParameter { Value = version } },
    };

    // As the aggregate host calls it for a transcript segment: the head's hash known from the last append,
    // and a directory projection that writes nothing because no listed fact changed.
    private async Task<int> StoreAppendAsync(int writer, CancellationToken cancellationToken)
    {
        var stream = $"diag-store/{writer}";
        var expected = _versions[6][writer];
        NewEvent[] events = [new NewEvent(sample.Type, sample.Data, sample.Metadata)];
        var result = await ours.Store.AppendAsync(
            new AppendRequest(stream, expected, events, Projections: [.. _directory.Project(stream, state, state, expected + 1, events)],
                ExpectedHash: _hashes[writer] ?? EventHash.Genesis),
            cancellationToken);
        _versions[6][writer] = expected + 1;
        _hashes[writer] = result.Events[^1].Hash;
        return 1;
    }

    public ValueTask DisposeAsync() => source.DisposeAsync();
}
