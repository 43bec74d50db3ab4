using Microsoft.Data.Sqlite;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The SQLite append taken apart for <c>--diagnose</c>: the store's SQL rebuilt step by step on the
/// store's tables, writers taking turns through one gate on connections they hold (the store writes
/// through one held connection), then the store's AppendAsync as the aggregate host calls it, then the
/// full path. Each step writes streams of its own.
/// </summary>
internal sealed class SqliteSteps : IAsyncDisposable
{
    private readonly CommandPath _ours;
    private readonly SittingState _state;
    private readonly StoredEvent _sample;
    private readonly SqliteConnection[] _held;
    private readonly long[][] _versions;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SittingDirectory _directory = new();
    private readonly string?[] _hashes;

    private SqliteSteps(CommandPath ours, SittingState state, StoredEvent sample, SqliteConnection[] held)
    {
        _ours = ours;
        _state = state;
        _sample = sample;
        _held = held;
        _versions = [.. Enumerable.Range(0, 8).Select(_ => new long[held.Length])];
        _hashes = new string?[held.Length];
    }

    public static async Task<SqliteSteps> CreateAsync(
        string connectionString, CommandPath ours, SittingState state, StoredEvent sample, int writers, CancellationToken cancellationToken)
    {
        var held = new SqliteConnection[writers];
        for (var i = 0; i < writers; i++)
        {
            held[i] = await OpenAsync(connectionString, cancellationToken);
        }

        return new SqliteSteps(ours, state, sample, held);
    }

    public IReadOnlyList<Breakdown.Step> Steps(RawSqliteInserts baseline) =>
    [
        new("baseline: autocommit INSERT into a table shaped like events, a stream per writer", baseline.InsertAsync),
        new("autocommit INSERT into the events table (AUTOINCREMENT, UNIQUE)", (w, ct) => GatedAsync(1, w, transaction: false, upsert: false, ct)),
        new("BEGIN IMMEDIATE, INSERT, COMMIT", (w, ct) => GatedAsync(2, w, transaction: true, upsert: false, ct)),
        new("BEGIN IMMEDIATE, INSERT, sitting_directory upsert, COMMIT", (w, ct) => GatedAsync(3, w, transaction: true, upsert: true, ct)),
        new("IEventStore.AppendAsync as the host calls it (chained insert, hash from the last append)", StoreAppendAsync),
        new("ours: ISittingGrain.Execute", _ours.PublishAsync),
    ];

    private async Task<int> GatedAsync(int slot, int writer, bool transaction, bool upsert, CancellationToken cancellationToken)
    {
        var stream = $"diag-{slot}/{writer}";
        var version = ++_versions[slot][writer];
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = _held[writer];
            await using var tx = transaction ? connection.BeginTransaction(deferred: false) : null;
            await using (var insert = Command(connection, tx, """
                INSERT INTO events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
                VALUES ($s, $v, $t, $d, $m, $r, $p, $h) RETURNING position
                """, ("$s", stream), ("$v", version), ("$t", _sample.Type), ("$d", _sample.Data), ("$m", _sample.Metadata),
                ("$r", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000), ("$p", _sample.PrevHash), ("$h", _sample.Hash)))
            {
                await insert.ExecuteScalarAsync(cancellationToken);
            }

            if (upsert)
            {
                await using var project = Command(connection, tx, """
                    INSERT INTO sitting_directory (sitting_id, body_id, title, starts_at, status, opened_at, closed_at, clusters, questions, commitments, version)
                    VALUES ($s, 'na', 'diag', '2026-01-01T00:00:00.0000000Z', 'Open', NULL, NULL, 1, 0, 0, $v)
                    ON CONFLICT (sitting_id) DO UPDATE SET status = excluded.status, version = excluded.version
                    """, ("$s", stream), ("$v", version));
                await project.ExecuteNonQueryAsync(cancellationToken);
            }

            if (tx is not null)
            {
                await tx.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }

        return 1;
    }

    // As the aggregate host calls it for a transcript segment: the head's hash known from the last append,
    // and a directory projection that writes nothing because no listed fact changed.
    private async Task<int> StoreAppendAsync(int writer, CancellationToken cancellationToken)
    {
        var stream = $"diag-store/{writer}";
        var expected = _versions[5][writer];
        NewEvent[] events = [new NewEvent(_sample.Type, _sample.Data, _sample.Metadata)];
        var result = await _ours.Store.AppendAsync(
            new AppendRequest(stream, expected, events, Projections: [.. _directory.Project(stream, _state, _state, expected + 1, events)],
                ExpectedHash: _hashes[writer] ?? EventHash.Genesis),
            cancellationToken);
        _versions[5][writer] = expected + 1;
        _hashes[writer] = result.Events[^1].Hash;
        return 1;
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragmas = Command(connection, null, RawSqliteInserts.Pragmas);
        await pragmas.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _held)
        {
            await connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
