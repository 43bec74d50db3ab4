using Npgsql;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The baseline for the PostgreSQL append: what it costs to make the same row durable in the same
/// storage and nothing else: a table created <c>LIKE events INCLUDING ALL</c> (the same columns,
/// defaults, unique (stream, version) and indexes), one connection per writer kept open, one
/// autocommit single-row INSERT per operation, each writer on its own stream. No hash chain, no
/// aggregate, no projection, no notification: those are what "ours" adds. <c>--diagnose</c> also shows
/// a plain table (no constraints, no indexes).
/// </summary>
internal sealed class RawPostgresInserts : IAsyncDisposable
{
    private const string Insert = """
        INSERT INTO bench_raw_events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """;

    private readonly NpgsqlDataSource _source;
    private readonly NpgsqlConnection[] _connections;
    private readonly long[] _versions;
    private readonly StoredEvent _sample;

    private RawPostgresInserts(NpgsqlDataSource source, NpgsqlConnection[] connections, StoredEvent sample)
    {
        _source = source;
        _connections = connections;
        _versions = new long[connections.Length];
        _sample = sample;
    }

    public static async Task<RawPostgresInserts> CreateAsync(string connectionString, int writers, StoredEvent sample, CancellationToken cancellationToken)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        // The store's schema exists already (ours is created first in the same database).
        await using (var create = source.CreateCommand("CREATE TABLE bench_raw_events (LIKE events INCLUDING ALL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connections = new NpgsqlConnection[writers];
        for (var i = 0; i < writers; i++)
        {
            connections[i] = await source.OpenConnectionAsync(cancellationToken);
        }

        return new RawPostgresInserts(source, connections, sample);
    }

    public async Task<int> InsertAsync(int writer, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Insert, _connections[writer]);
        command.Parameters.Add(new NpgsqlParameter { Value = $"{_sample.StreamId}/raw-{writer}" });
        command.Parameters.Add(new NpgsqlParameter { Value = ++_versions[writer] });
        command.Parameters.Add(new NpgsqlParameter { Value = _sample.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = _sample.Data });
        command.Parameters.Add(new NpgsqlParameter { Value = _sample.Metadata });
        command.Parameters.Add(new NpgsqlParameter { Value = DateTimeOffset.UtcNow });
        command.Parameters.Add(new NpgsqlParameter { Value = _sample.PrevHash });
        command.Parameters.Add(new NpgsqlParameter { Value = _sample.Hash });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return 1;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await _source.DisposeAsync();
    }
}
