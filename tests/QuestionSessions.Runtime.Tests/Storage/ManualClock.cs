namespace QuestionSessions.Runtime.Tests.Storage;

/// <summary>
/// A clock that moves by an odd number of ticks on every read, so every append in the suite has a
/// sub-microsecond part that the store must truncate before hashing and storing.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private static readonly TimeSpan Step = TimeSpan.FromTicks(1_234_567);

    private readonly Lock gate = new();
    private DateTimeOffset now = new DateTimeOffset(2025, 11, 22, 6, 38, 0, TimeSpan.Zero).AddTicks(1_234_567);

    public void Set(DateTimeOffset value)
    {
        lock (gate)
        {
            now = value;
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            var current = now;
            now += Step;
            return current;
        }
    }
}
