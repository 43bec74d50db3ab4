namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// What an append wrote. <see cref="Duplicate"/> is true when the idempotency key had been used
/// before: then nothing was written, <see cref="Events"/> is empty and <see cref="IdempotencyResult"/>
/// is the result stored by the first append.
/// </summary>
public sealed record AppendResult(IReadOnlyList<StoredEvent> Events, bool Duplicate, string? IdempotencyResult)
{
    public long LastVersion => Events.Count == 0 ? 0 : Events[^1].Version;
}
