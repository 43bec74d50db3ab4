using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>
/// The distributed event store: any number of nodes over one PostgreSQL database. Optimistic
/// concurrency on each stream (see <see cref="PostgresAppender"/>) is the single-writer guarantee;
/// LISTEN/NOTIFY tells every other node which stream moved; this node's subscribers are told
/// directly after each commit.
/// </summary>
internal sealed class PostgresEventStore : IEventStore
{
    private static readonly KeyValuePair<string, object?> ProviderTag = new("provider", "Postgres");

    private readonly NpgsqlDataSource dataSource;
    private readonly NpgsqlDataSource listenerSource;
    private readonly PostgresAppender appender;
    private readonly StreamMovedSignal streamMoved;
    private readonly PostgresNotificationListener listener;
    private readonly PostgresNotifier notifier;
    private int disposed;

    public PostgresEventStore(string connectionString, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentNullException.ThrowIfNull(timeProvider);
        loggerFactory ??= NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<PostgresEventStore>();
        dataSource = PostgresConnections.ForCommands(connectionString, loggerFactory);
        listenerSource = PostgresConnections.ForListening(connectionString, loggerFactory);
        appender = new PostgresAppender(dataSource, timeProvider);
        streamMoved = new StreamMovedSignal(logger);
        notifier = new PostgresNotifier(dataSource, logger);
        listener = new PostgresNotificationListener(listenerSource, streamMoved, logger, () => notifier.ProcessId);
    }

    public string Provider => "Postgres";

    /// <summary>The backend process of the LISTEN connection (0 before it exists): for tests that cut it.</summary>
    internal int ListenerProcessId => listener.ProcessId;

    /// <summary>
    /// Raised for this node's commits on the appending thread right after commit, and for every
    /// NOTIFY from other nodes on the listener's thread. Subscribing starts the listener if it is not
    /// running yet.
    /// </summary>
    public event Action<StreamMoved>? StreamMoved
    {
        add
        {
            streamMoved.Add(value);
            // No waiting here: StartListeningAsync is for callers that must know the LISTEN is in place.
            listener.TryStart();
        }

        remove => streamMoved.Remove(value);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Check first, and run no DDL when the schema is there: CREATE INDEX IF NOT EXISTS takes a
        // SHARE lock on events before it looks at the name, so a node starting up would wait for
        // every open append and make every later append queue behind it.
        await using (var exists = PostgresRows.Command(connection, null, PostgresSchema.Exists))
        {
            if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Two nodes starting together would otherwise race on CREATE ... IF NOT EXISTS and one could
        // fail on a duplicate catalog row; the lock is released at commit.
        await using (var lockCommand = PostgresRows.Command(connection, transaction, "SELECT pg_advisory_xact_lock($1)", PostgresSchema.InitializeLockKey))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = PostgresRows.Command(connection, transaction, PostgresSchema.Create))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        AppendValidation.Validate(request);
        var started = Stopwatch.GetTimestamp();
        var result = await appender.AppendAsync(request, cancellationToken);
        QsMetrics.RecordAppend(ProviderTag, started);
        if (!result.Duplicate)
        {
            // Committed: this node's viewers hear it now; other nodes via a coalesced NOTIFY sent in
            // the background (and, should that be lost, via their feed poll).
            streamMoved.Raise(new StreamMoved(request.StreamId, result.LastVersion));
            notifier.Enqueue(request.StreamId, result.LastVersion);
        }

        return result;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion, int maxCount, CancellationToken cancellationToken)
    {
        AppendValidation.ValidateRead(streamId, maxCount);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresRows.Command(connection, null,
            $"SELECT {PostgresSchema.EventColumns} FROM events WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3",
            streamId, fromVersion, maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(PostgresRows.ReadEvent(reader));
        }

        return events;
    }

    public async Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresRows.Command(connection, null,
            "SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $1", streamId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <remarks>
    /// Gap-safe: rows are ordered by (transaction id, position) and only rows of transactions below
    /// the snapshot's xmin are returned. Every transaction below xmin has finished, and any
    /// transaction that has not yet written will get a larger id, so nothing can later appear
    /// behind the cursor. A long-open transaction holds the feed back; it never makes it skip.
    /// </remarks>
    public async Task<FeedPage> ReadFeedAsync(FeedPosition after, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresRows.Command(connection, null, $"""
            SELECT transaction_id::text::bigint, {PostgresSchema.EventColumns}
            FROM events
            WHERE (transaction_id, position) > ($1::bigint::text::xid8, $2::bigint)
              AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY transaction_id, position
            LIMIT $3
            """, after.TransactionId, after.Position, maxCount);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<FeedEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = PostgresRows.ReadEvent(reader, first: 1);
            entries.Add(new FeedEntry(new FeedPosition(reader.GetInt64(0), stored.Position), stored));
        }

        return new FeedPage(entries, entries.Count == 0 ? after : entries[^1].Position);
    }

    /// <remarks>
    /// The largest (transaction id, position) among rows below xmin, i.e. what <see cref="ReadFeedAsync"/>
    /// could already return. Rows of transactions still open now, and of later ones that committed
    /// before them, sort after it and will still be delivered: a reader starting here may see a few
    /// events that committed just before it asked, never miss one.
    /// </remarks>
    public async Task<FeedPosition> GetFeedHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresRows.Command(connection, null, """
            SELECT transaction_id::text::bigint, position
            FROM events
            WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY transaction_id DESC, position DESC
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new FeedPosition(reader.GetInt64(0), reader.GetInt64(1)) : FeedPosition.Start;
    }

    public async Task<string?> FindIdempotentResultAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await PostgresAppender.FindKeyAsync(connection, null, idempotencyKey, cancellationToken)).Result;
    }

    public async Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // An older snapshot (a slow node) never replaces a newer one.
        await using var command = PostgresRows.Command(connection, null, """
            INSERT INTO snapshots (stream_id, version, data, taken_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, data = excluded.data, taken_at = excluded.taken_at
            WHERE excluded.version >= snapshots.version
            """, snapshot.StreamId, snapshot.Version, snapshot.Data, RecordedTime.Truncate(snapshot.TakenAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresRows.Command(connection, null,
            "SELECT version, data, taken_at FROM snapshots WHERE stream_id = $1", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Snapshot(streamId, reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    public async IAsyncEnumerable<string> ListStreamsAsync(string? prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Every stream has exactly one version 1 row. starts_with, not LIKE ('_' and '%' are wildcards);
        // COLLATE "C" gives the same byte order as SQLite whatever the database's locale.
        await using var command = PostgresRows.Command(connection, null, """
            SELECT stream_id FROM events
            WHERE version = 1 AND ($1::text IS NULL OR starts_with(stream_id, $1::text))
            ORDER BY stream_id COLLATE "C"
            """, prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return reader.GetString(0);
        }
    }

    public async Task<ChainReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = PostgresRows.Command(connection, null,
            $"SELECT {PostgresSchema.EventColumns} FROM events WHERE stream_id = $1 ORDER BY version", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var verifier = new ChainVerifier(streamId);
        while (await reader.ReadAsync(cancellationToken) && verifier.Check(PostgresRows.ReadEvent(reader)))
        {
        }

        return verifier.Report();
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public Task StartListeningAsync(CancellationToken cancellationToken) => listener.StartAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await notifier.DisposeAsync();
        await listener.DisposeAsync();
        await listenerSource.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
