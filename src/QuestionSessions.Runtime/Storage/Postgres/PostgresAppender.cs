using Npgsql;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>
/// One append, one autocommit batch: the event inserts, the idempotency row and the projection writes
/// go to the server in one round trip and run as one implicit transaction (all or nothing), with no
/// BEGIN or COMMIT of their own. Why it is correct across nodes:
/// <list type="number">
/// <item>The stream's head (last version and hash) is read first, in its own statement, unless the
/// caller passes <see cref="AppendRequest.ExpectedHash"/>. Nothing relies on it staying true: the
/// inserts below re-check it.</item>
/// <item>The event inserts are the batch's first statements, so its transaction id is assigned there:
/// an append that starts after another one committed always gets a larger id, which the gap-safe feed
/// relies on.</item>
/// <item>UNIQUE(stream_id, version) turns a lost race into a unique violation; the idempotency key's
/// primary key does the same for a retried command. Each insert takes its <c>prev_hash</c> from the
/// stored predecessor with the expected hash (NULL, a not-null violation, when there is none: a caller
/// ahead of the stream or with a wrong hash). These become a lost race (or, when the key is already
/// stored, a duplicate), nothing else does; any error rolls the whole batch back.</item>
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
        var (lastVersion, lastHash) = request.ExpectedHash is { } expectedHash
            ? (request.ExpectedVersion, expectedHash)
            : await ReadHeadAsync(connection, request.StreamId, cancellationToken);

        Exception? raceCause = null;
        if (lastVersion == request.ExpectedVersion)
        {
            var chained = EventHash.Chain(request.StreamId, lastVersion, lastHash, request.Events, RecordedTime.Now(timeProvider));
            try
            {
                var stored = await WriteAsync(connection, request, chained, cancellationToken);
                return new AppendResult(stored, Duplicate: false, request.IdempotencyResult);
            }
            catch (PostgresException ex) when (IsLostRace(ex))
            {
                raceCause = ex;
            }
        }

        // Nothing was written. A used idempotency key means a retry of a command that has already
        // succeeded (perhaps just now, by a racer): answer it as the duplicate it is, not as a conflict.
        // The key is looked up only here, so a first attempt pays no extra round trip for it.
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

    // One round trip, one implicit transaction: every event insert (first, in version order so
    // positions follow versions), then the idempotency row, then the projection writes.
    private static async Task<IReadOnlyList<StoredEvent>> WriteAsync(
        NpgsqlConnection connection, AppendRequest request, IReadOnlyList<StoredEvent> chained, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
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

        foreach (var write in request.Projections ?? [])
        {
            var command = new NpgsqlBatchCommand(write.Sql);
            foreach (var (name, value) in write.Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            }

            batch.BatchCommands.Add(command);
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
        NpgsqlConnection connection, string streamId, CancellationToken cancellationToken)
    {
        await using var command = PostgresRows.Command(connection, null,
            "SELECT version, hash FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1", streamId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, EventHash.Genesis);
    }
}
