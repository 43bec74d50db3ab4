using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Runtime.Storage.Sqlite;

/// <summary>
/// The embedded event store: one SQLite file, one node. Writes are serialised twice on purpose: a
/// semaphore keeps this process's appends from spinning on the file lock, and <c>BEGIN IMMEDIATE</c>
/// takes the write lock before the version is read, so the check cannot go stale before the insert
/// even if another process writes the same file.
/// </summary>
internal sealed class SqliteEventStore : IEventStore
{
    // synchronous=FULL: in WAL mode NORMAL may lose the last commits on power failure, and an
    // acknowledged event must survive. busy_timeout covers writers in other processes.
    private const string ConnectionPragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;";

    private static readonly KeyValuePair<string, object?> ProviderTag = new("provider", "Sqlite");

    private readonly string connectionString;
    private readonly TimeProvider timeProvider;
    private readonly StreamMovedSignal streamMoved;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private int disposed;

    // SQLite has one writer at a time; this store's writes all go through one connection, opened once
    // with its pragmas, used only while holding writeGate.
    private SqliteWriter? writer;

    public SqliteEventStore(string connectionString, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        // Parsed now, as the PostgreSQL store does: a malformed connection string is a configuration
        // error (ArgumentException) when the store is made, not an unexpected one at first use.
        _ = new SqliteConnectionStringBuilder(connectionString);
        this.connectionString = connectionString;
        this.timeProvider = timeProvider;
        streamMoved = new StreamMovedSignal((loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteEventStore>());
    }

    public string Provider => "Sqlite";

    /// <summary>True while an append or a snapshot holds this store's write gate: for tests that hold the file lock.</summary>
    internal bool IsWriting => writeGate.CurrentCount == 0;

    /// <summary>Raised after each local commit, on the appending thread, once the write lock is released.</summary>
    public event Action<StreamMoved>? StreamMoved
    {
        add => streamMoved.Add(value);
        remove => streamMoved.Remove(value);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        CreateDirectoryFor(connectionString);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // WAL is a property of the file (it persists), so setting it once here is enough.
            await using (var wal = SqliteRows.Command(connection, null, "PRAGMA journal_mode = WAL;"))
            {
                await wal.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var create = SqliteRows.Command(connection, transaction, SqliteSchema.Create))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        AppendValidation.Validate(request);
        var started = Stopwatch.GetTimestamp();
        var chainedAhead = SqliteAppender.ChainAhead(request, timeProvider);
        AppendResult result;
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            writer ??= new SqliteWriter(await OpenAsync(cancellationToken));
            try
            {
                result = await SqliteAppender.AppendAsync(writer, request, chainedAhead, timeProvider, cancellationToken);
            }
            catch (Exception e) when (e is not ConcurrencyException and not OperationCanceledException)
            {
                // The transaction rolled back; start the next append on a fresh connection in case this one is unwell.
                await DropWriterAsync();
                throw;
            }
        }
        finally
        {
            writeGate.Release();
        }

        QsMetrics.RecordAppend(ProviderTag, started);
        if (!result.Duplicate)
        {
            streamMoved.Raise(new StreamMoved(request.StreamId, result.LastVersion));
        }

        return result;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion, int maxCount, CancellationToken cancellationToken)
    {
        AppendValidation.ValidateRead(streamId, maxCount);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteRows.Command(connection, null,
            $"SELECT {SqliteSchema.EventColumns} FROM events WHERE stream_id = $s AND version >= $v ORDER BY version LIMIT $n",
            ("$s", streamId), ("$v", fromVersion), ("$n", maxCount));
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteRows.Command(connection, null,
            "SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $s", ("$s", streamId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    // Writes are serialised, so positions commit in order and a plain position cursor is gap-safe.
    public async Task<FeedPage> ReadFeedAsync(FeedPosition after, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteRows.Command(connection, null,
            $"SELECT {SqliteSchema.EventColumns} FROM events WHERE position > $p ORDER BY position LIMIT $n",
            ("$p", after.Position), ("$n", maxCount));
        var events = await ReadEventsAsync(command, cancellationToken);
        var entries = events.Select(e => new FeedEntry(new FeedPosition(0, e.Position), e)).ToList();
        return new FeedPage(entries, entries.Count == 0 ? after : entries[^1].Position);
    }

    public async Task<FeedPosition> GetFeedHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteRows.Command(connection, null, "SELECT coalesce(max(position), 0) FROM events");
        return new FeedPosition(0, (long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }

    public async Task<string?> FindIdempotentResultAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await using var connection = await OpenAsync(cancellationToken);
        return (await SqliteAppender.FindKeyAsync(connection, null, idempotencyKey, cancellationToken)).Result;
    }

    public async Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            writer ??= new SqliteWriter(await OpenAsync(cancellationToken));
            var connection = writer.Connection;
            // An older snapshot (a slow writer) never replaces a newer one.
            await using var command = SqliteRows.Command(connection, null, """
                INSERT INTO snapshots (stream_id, version, data, taken_at) VALUES ($s, $v, $d, $t)
                ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, data = excluded.data, taken_at = excluded.taken_at
                WHERE excluded.version >= snapshots.version
                """,
                ("$s", snapshot.StreamId), ("$v", snapshot.Version), ("$d", snapshot.Data),
                ("$t", RecordedTime.ToUnixMicroseconds(RecordedTime.Truncate(snapshot.TakenAt))));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteRows.Command(connection, null,
            "SELECT version, data, taken_at FROM snapshots WHERE stream_id = $s", ("$s", streamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Snapshot(streamId, reader.GetInt64(0), reader.GetString(1), RecordedTime.FromUnixMicroseconds(reader.GetInt64(2)))
            : null;
    }

    public async IAsyncEnumerable<string> ListStreamsAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Every stream has exactly one version 1 row. substr rather than LIKE: LIKE treats '_' and
        // '%' as wildcards and ignores ASCII case.
        await using var command = SqliteRows.Command(connection, null, """
            SELECT stream_id FROM events
            WHERE version = 1 AND ($p IS NULL OR substr(stream_id, 1, length($p)) = $p)
            ORDER BY stream_id
            """, ("$p", prefix));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0);
        }
    }

    public async Task<ChainReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = SqliteRows.Command(connection, null,
            $"SELECT {SqliteSchema.EventColumns} FROM events WHERE stream_id = $s ORDER BY version", ("$s", streamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var verifier = new ChainVerifier(streamId);
        while (await reader.ReadAsync(cancellationToken) && verifier.Check(SqliteRows.ReadEvent(reader)))
        {
        }

        return verifier.Report();
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) => await OpenAsync(cancellationToken);

    public Task StartListeningAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // Let a write in progress finish before its connection goes (a SQLite write cannot be cut short).
        await writeGate.WaitAsync(CancellationToken.None);
        await DropWriterAsync();
        writeGate.Dispose();
        // Pooled connections keep the file (and its -wal) open; release them with the store.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task DropWriterAsync()
    {
        if (writer is { } open)
        {
            writer = null;
            await open.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(SqliteRows.ReadEvent(reader));
        }

        return events;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragmas = SqliteRows.Command(connection, null, ConnectionPragmas);
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static void CreateDirectoryFor(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || dataSource.Length == 0 || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
