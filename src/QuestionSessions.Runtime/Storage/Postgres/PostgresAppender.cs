using Npgsql;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>
/// One append, one READ COMMITTED transaction. The order of the steps is what makes the store correct
/// across nodes:
/// <list type="number">
/// <item>Reads first (idempotency key, the stream's last version and hash, the latter skipped when the
/// caller passes <see cref="AppendRequest.ExpectedHash"/>): reads do not assign a transaction id.</item>
/// <item>The event inserts are the transaction's first write, so its id is assigned there: an append
/// that starts after another one committed always gets a larger id, which the gap-safe feed relies on.</item>
/// <item>UNIQUE(stream_id, version) turns a lost race into a unique violation; the idempotency key's
/// primary key does the same for a retried command. Each insert takes its <c>prev_hash</c> from the
/// stored predecessor with the expected hash (NULL, a not-null violation, when there is none: a caller
/// ahead of the stream or with a wrong hash). These become a lost race, nothing else does.</item>
/// <item>No <c>pg_notify</c> here: it would serialise commits on the global notify lock. The store
/// notifies after commit (see <see cref="PostgresNotifier"/>).</item>
/// </list>
/// </summary>
internal sealed class PostgresAppender(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    public const string Channel = "qs_events";

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var (result, raceCause) = await TryAppendAsync(connection, request, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        // The transaction is rolled back by now. A racer with the same idempotency key is a retry of a
        // command that has just succeeded: answer it as the duplicate it is, not as a conflict.
        if (request.IdempotencyKey is { } key && await FindKeyAsync(connection, null, key, cancellationToken) is (true, var earlier))
        {
            return new AppendResult([], Duplicate: true, earlier);
        }

        throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, raceCause);
    }

    public static async Task<(bool Found, string? Result)> FindKeyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = PostgresRows.Command(connection, transaction, "SELECT result FROM idempotency_keys WHERE key = $1", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }

    /// <summary>The result, or null and the cause when the race was lost (the transaction is then rolled back).</summary>
    private async Task<(AppendResult? Result, Exception? RaceCause)> TryAppendAsync(
        NpgsqlConnection connection, AppendRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (request.IdempotencyKey is { } key && await FindKeyAsync(connection, transaction, key, cancellationToken) is (true, var earlier))
        {
            return (new AppendResult([], Duplicate: true, earlier), null);
        }

        var (lastVersion, lastHash) = request.ExpectedHash is { } expectedHash
            ? (request.ExpectedVersion, expectedHash)
            : await ReadHeadAsync(connection, transaction, request.StreamId, cancellationToken);
        if (lastVersion != request.ExpectedVersion)
        {
            return (null, null);
        }

        var chained = EventHash.Chain(request.StreamId, lastVersion, lastHash, request.Events, RecordedTime.Now(timeProvider));
        IReadOnlyList<StoredEvent> stored;
        try
        {
            stored = await WriteAsync(connection, transaction, request, chained, cancellationToken);
        }
        catch (PostgresException ex) when (IsLostRace(ex))
        {
            return (null, ex);
        }

        if (request.InTransaction is { } inTransaction)
        {
            await inTransaction(transaction, stored, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (new AppendResult(stored, Duplicate: false, request.IdempotencyResult), null);
    }

    // One round trip: every event insert (first, in version order so positions follow versions),
    // then the idempotency row.
    private static async Task<IReadOnlyList<StoredEvent>> WriteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, AppendRequest request,
        IReadOnlyList<StoredEvent> chained, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var e in chained)
        {
            batch.BatchCommands.Add(PostgresRows.BatchCommand("""
                INSERT INTO events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6,
                    CASE WHEN $2 = 1 THEN $7 ELSE (SELECT p.hash FROM events p WHERE p.stream_id = $1 AND p.version = $2 - 1 AND p.hash = $7) END,
                    $8) RETURNING position
                """, e.StreamId, e.Version, e.Type, e.Data, e.Metadata, e.RecordedAt, e.PrevHash, e.Hash));
        }

        if (request.IdempotencyKey is { } key)
        {
            batch.BatchCommands.Add(PostgresRows.BatchCommand(
                "INSERT INTO idempotency_keys (key, stream_id, result, created_at) VALUES ($1, $2, $3, $4)",
                key, request.StreamId, request.IdempotencyResult, chained[0].RecordedAt));
        }

        var stored = new StoredEvent[chained.Count];
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        for (var i = 0; i < chained.Count; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            await reader.ReadAsync(cancellationToken);
            stored[i] = chained[i] with { Position = reader.GetInt64(0) };
        }

        // Drain the remaining results so an error in them (a duplicate key) surfaces here.
        while (await reader.NextResultAsync(cancellationToken))
        {
        }

        return stored;
    }

    private static bool IsLostRace(PostgresException ex) => ex.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation =>
            ex.ConstraintName is PostgresSchema.StreamVersionConstraint or PostgresSchema.IdempotencyKeyConstraint,
        // The predecessor with the expected hash is not there: the caller's head is not the stream's.
        PostgresErrorCodes.NotNullViolation => ex.TableName == "events" && ex.ColumnName == "prev_hash",
        _ => false,
    };

    private static async Task<(long Version, string Hash)> ReadHeadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string streamId, CancellationToken cancellationToken)
    {
        await using var command = PostgresRows.Command(connection, transaction,
            "SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, EventHash.Genesis);
    }
}
