namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// A cursor in the global feed. On PostgreSQL the feed is ordered by (transaction id, position) and
/// only transactions older than every open one are visible, so a reader never skips an event that
/// commits late; on SQLite writes are serialised and <see cref="TransactionId"/> is always 0.
/// </summary>
public readonly record struct FeedPosition(long TransactionId, long Position)
{
    public static FeedPosition Start => default;
}
