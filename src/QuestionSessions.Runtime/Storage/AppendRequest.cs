namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// Appends <see cref="Events"/> to a stream whose last version must be <see cref="ExpectedVersion"/>
/// (0 for a new stream). With an <see cref="IdempotencyKey"/>, the first append stores
/// <see cref="IdempotencyResult"/> under the key in the same transaction; a later append with the
/// same key writes nothing and returns that stored result. <see cref="Projections"/> are executed
/// after the event inserts and the idempotency row, all or nothing with them (read models that must
/// be consistent): on PostgreSQL in the same autocommit batch, one round trip; on SQLite in the same
/// transaction. A failing projection write fails the append and nothing of it is written.
/// <para>
/// <see cref="ExpectedHash"/>, when given, is the hash of the event at <see cref="ExpectedVersion"/>
/// (<c>EventHash.Genesis</c>, 64 zeros, for version 0). The store then chains from it without reading
/// the stream's head first. A stale caller still gets exactly one <see cref="ConcurrencyException"/>:
/// UNIQUE(stream_id, version) stops it when the stream moved on, and each insert takes its
/// <c>prev_hash</c> from the stored predecessor matching that hash, so a version or hash the stream
/// never had (a caller ahead of the stream) is refused too, and nothing is written.
/// </para>
/// </summary>
public sealed record AppendRequest(
    string StreamId,
    long ExpectedVersion,
    IReadOnlyList<NewEvent> Events,
    string? IdempotencyKey = null,
    string? IdempotencyResult = null,
    IReadOnlyList<ProjectionWrite>? Projections = null,
    string? ExpectedHash = null);
