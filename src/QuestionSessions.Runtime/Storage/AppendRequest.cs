using System.Data.Common;

namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// Appends <see cref="Events"/> to a stream whose last version must be <see cref="ExpectedVersion"/>
/// (0 for a new stream). With an <see cref="IdempotencyKey"/>, the first append stores
/// <see cref="IdempotencyResult"/> under the key in the same transaction; a later append with the
/// same key writes nothing and returns that stored result. <see cref="InTransaction"/> runs inside
/// the append's transaction after the events are written (projections that must be consistent).
/// </summary>
public sealed record AppendRequest(
    string StreamId,
    long ExpectedVersion,
    IReadOnlyList<NewEvent> Events,
    string? IdempotencyKey = null,
    string? IdempotencyResult = null,
    Func<DbTransaction, IReadOnlyList<StoredEvent>, CancellationToken, Task>? InTransaction = null);
