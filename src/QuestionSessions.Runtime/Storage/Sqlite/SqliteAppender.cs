using Microsoft.Data.Sqlite;

namespace QuestionSessions.Runtime.Storage.Sqlite;

/// <summary>
/// One append inside one <c>BEGIN IMMEDIATE</c> transaction, run by <see cref="SqliteEventStore"/>
/// under its write gate: idempotency key check, version check, event inserts, idempotency row,
/// the request's <see cref="AppendRequest.Projections"/>, commit. Any exception rolls it all back.
/// </summary>
internal static class SqliteAppender
{
    private const int SqliteConstraint = 19;

    /// <summary>
    /// Takes <c>prev_hash</c> from the stored predecessor with the expected hash (NULL, a NOT NULL
    /// violation, when there is none), so the database itself refuses a chain that does not continue.
    /// </summary>
    public const string InsertEventSql = """
        INSERT INTO events (stream_id, version, type, data, metadata, recorded_at, prev_hash, hash)
        VALUES ($s, $v, $t, $d, $m, $r,
            CASE WHEN $v = 1 THEN $p ELSE (SELECT e.hash FROM events e WHERE e.stream_id = $s AND e.version = $v - 1 AND e.hash = $p) END,
            $h) RETURNING position
        """;

    /// <summary>
    /// Chains the request's events before the write gate when the caller knows the stream's head
    /// (<see cref="AppendRequest.ExpectedHash"/>): hashing then costs the other writers nothing. Null otherwise.
    /// </summary>
    public static IReadOnlyList<StoredEvent>? ChainAhead(AppendRequest request, TimeProvider timeProvider) =>
        request.ExpectedHash is { } expectedHash
            ? EventHash.Chain(request.StreamId, request.ExpectedVersion, expectedHash, request.Events, RecordedTime.Now(timeProvider))
            : null;

    public static async Task<AppendResult> AppendAsync(
        SqliteWriter writer, AppendRequest request, IReadOnlyList<StoredEvent>? chainedAhead, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var connection = writer.Connection;
        // BEGIN IMMEDIATE: the write lock is held from here, so the version read below stays true until commit.
        await using var transaction = connection.BeginTransaction(deferred: false);

        if (request.IdempotencyKey is { } key && await FindKeyAsync(connection, transaction, key, cancellationToken) is (true, var earlier))
        {
            return new AppendResult([], Duplicate: true, earlier);
        }

        var chained = chainedAhead;
        if (chained is null)
        {
            var (lastVersion, lastHash) = await ReadHeadAsync(connection, transaction, request.StreamId, cancellationToken);
            if (lastVersion != request.ExpectedVersion)
            {
                throw new ConcurrencyException(request.StreamId, request.ExpectedVersion);
            }

            chained = EventHash.Chain(request.StreamId, lastVersion, lastHash, request.Events, RecordedTime.Now(timeProvider));
        }

        var stored = new List<StoredEvent>(chained.Count);
        var insert = writer.InsertEvent(transaction);
        foreach (var e in chained)
        {
            object[] values = [e.StreamId, e.Version, e.Type, e.Data, e.Metadata, RecordedTime.ToUnixMicroseconds(e.RecordedAt), e.PrevHash, e.Hash];
            for (var i = 0; i < values.Length; i++)
            {
                insert.Parameters[i].Value = values[i];
            }

            try
            {
                stored.Add(e with { Position = (long)(await insert.ExecuteScalarAsync(cancellationToken))! });
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
            {
                // UNIQUE(stream_id, version): another process appended first; NOT NULL prev_hash: no stored
                // predecessor has the expected hash (a caller whose ExpectedHash is not the stream's head).
                throw new ConcurrencyException(request.StreamId, request.ExpectedVersion, ex);
            }
        }

        if (request.IdempotencyKey is { } newKey)
        {
            await using var remember = SqliteRows.Command(connection, transaction,
                "INSERT INTO idempotency_keys (key, stream_id, result, created_at) VALUES ($k, $s, $r, $c)",
                ("$k", newKey), ("$s", request.StreamId), ("$r", request.IdempotencyResult),
                ("$c", RecordedTime.ToUnixMicroseconds(chained[0].RecordedAt)));
            await remember.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var write in request.Projections ?? [])
        {
            await using var project = connection.CreateCommand();
            project.Transaction = transaction;
            project.CommandText = write.Sql;
            foreach (var (name, value) in write.Parameters)
            {
                project.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await project.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppendResult(stored, Duplicate: false, request.IdempotencyResult);
    }

    private static async Task<(long Version, string Hash)> ReadHeadAsync(
        SqliteConnection connection, SqliteTransaction transaction, string streamId, CancellationToken cancellationToken)
    {
        await using var command = SqliteRows.Command(connection, transaction,
            "SELECT version, hash FROM events WHERE stream_id = $s ORDER BY version DESC LIMIT 1", ("$s", streamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, EventHash.Genesis);
    }

    public static async Task<(bool Found, string? Result)> FindKeyAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string key, CancellationToken cancellationToken)
    {
        await using var command = SqliteRows.Command(connection, transaction,
            "SELECT result FROM idempotency_keys WHERE key = $k", ("$k", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (true, reader.IsDBNull(0) ? null : reader.GetString(0)) : (false, null);
    }
}
