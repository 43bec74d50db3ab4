using System.Data.Common;

namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// The event store over ADO.NET. Two providers implement it (PostgreSQL, SQLite) and one contract
/// test suite runs unchanged on both. Disposing the store stops its listener and releases its
/// connections.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>"Postgres" or "Sqlite".</summary>
    string Provider { get; }

    /// <summary>Creates the schema if it is missing. Safe to call from several nodes at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <exception cref="ConcurrencyException">The stream is not at the expected version.</exception>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken);

    /// <summary>Events with version &gt;= <paramref name="fromVersion"/>, in version order, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, long fromVersion, int maxCount, CancellationToken cancellationToken);

    /// <summary>The stream's last version, 0 if it has no events.</summary>
    Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Gap-safe: entries after <paramref name="after"/>, never skipping one that commits later.</summary>
    Task<FeedPage> ReadFeedAsync(FeedPosition after, int maxCount, CancellationToken cancellationToken);

    /// <summary>The feed position a new reader should start from to see only what happens from now on.</summary>
    Task<FeedPosition> GetFeedHeadAsync(CancellationToken cancellationToken);

    /// <summary>The result stored by the first append that used <paramref name="idempotencyKey"/>, or null.</summary>
    Task<string?> FindIdempotentResultAsync(string idempotencyKey, CancellationToken cancellationToken);

    Task SaveSnapshotAsync(Snapshot snapshot, CancellationToken cancellationToken);

    Task<Snapshot?> LoadSnapshotAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>Every stream id starting with <paramref name="prefix"/> (all when null), in id order.</summary>
    IAsyncEnumerable<string> ListStreamsAsync(string? prefix, CancellationToken cancellationToken);

    /// <summary>Re-computes the stream's SHA-256 chain from the stored rows and names the first broken event.</summary>
    Task<ChainReport> VerifyStreamAsync(string streamId, CancellationToken cancellationToken);

    /// <summary>
    /// An open connection to the same database, for read models in ordinary tables. It goes back to a pool
    /// that does not reset sessions: leave no session state behind (no SET, session advisory locks, temporary
    /// tables, LISTEN or PREPARE; use SET LOCAL and pg_advisory_xact_lock inside a transaction).
    /// </summary>
    Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts delivering <see cref="StreamMoved"/> from other nodes and completes once a commit made
    /// anywhere after it returns will be reported. Subscribing to <see cref="StreamMoved"/> starts it
    /// too, without waiting. Idempotent; a no-op on SQLite, which only reports local commits.
    /// </summary>
    Task StartListeningAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Raised after a commit is known: for every local append right after its commit and, on
    /// PostgreSQL, for every NOTIFY received from another node. A hint only: readers go to the store,
    /// and a NOTIFY may be late or lost (a node crashing after commit), which feed polling covers.
    /// </summary>
    event Action<StreamMoved>? StreamMoved;
}
