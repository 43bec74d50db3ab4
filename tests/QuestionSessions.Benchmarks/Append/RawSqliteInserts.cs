using Microsoft.Data.Sqlite;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The baseline for the SQLite append: the same row into a table of the same file with the events
/// table's shape (autoincrement position, unique (stream, version), STRICT), each writer on its own
/// stream, with the
/// store's durability settings (WAL, <c>synchronous = FULL</c>, so every commit is fsynced), one
/// autocommit single-row INSERT per operation. SQLite has one writer at a time; like the store, the
/// writers take turns through an in-process gate rather than spinning on the file lock.
/// </summary>
internal sealed class RawSqliteInserts : IAsyncDisposable
{
    public const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    private readonly SqliteConnection[] _connections;
    private readonly long[] _versions;
    private readonly StoredEvent _sample;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RawSqliteInserts(SqliteConnection[] connections, StoredEvent sample)
    {
        _connections = connections;
        _versions = new long[connections.Length];
        _sample = sample;
    }

    public static async Task<RawSqliteInserts> CreateAsync(string connectionString, int writers, StoredEvent sample, CancellationToken cancellationToken)
    {
        var connections = new SqliteConnection[writers];
        for (var i = 0; i < writers; i++)
        {
            connections[i] = new SqliteConnection(connectionString);
            await connections[i].OpenAsync(cancellationToken);
            await using var pragmas = connections[i].CreateCommand();
            pragmas.CommandText = i == 0
                // The store's own events DDL under another name, so the baseline's shape cannot drift from it.
                ? "PRAGMA journal_mode = WAL; " + Pragmas
                    + QuestionSessions.Runtime.Storage.Sqlite.SqliteSchema.EventsTable.Replace(
                        "CREATE TABLE IF NOT EXISTS events (", "CREATE TABLE raw_events (", StringComparison.Ordinal)
                : Pragmas;
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
        }

        return new RawSqliteInserts(connections, sample);
    }

    public async Task<int> InsertAsync(int writer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connections[writer].CreateCommand();
            command.CommandText = """
                INSERT INTO raw_events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
                VALUES ($s, $v, $t, $d, $m, $r, $p, $h)
                """;
            command.Parameters.AddWithValue("$s", $"{_sample.StreamId}/raw-{writer}");
            command.Parameters.AddWithValue("$v", ++_versions[writer]);
            command.Parameters.AddWithValue("$t", _sample.Type);
            command.Parameters.AddWithValue("$d", _sample.Data);
            command.Parameters.AddWithValue("$m", _sample.Metadata);
            command.Parameters.AddWithValue("$r", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000);
            command.Parameters.AddWithValue("$p", _sample.PrevHash);
            command.Parameters.AddWithValue("$h", _sample.Hash);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return 1;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        _gate.Dispose();
    }
}
