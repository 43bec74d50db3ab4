namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// Time as the store keeps it: UTC, whole microseconds. PostgreSQL's timestamptz holds microseconds,
/// so every instant is truncated before it is hashed or written; otherwise a re-read value would
/// differ from the hashed one by the lost ticks and the chain would not verify.
/// </summary>
internal static class RecordedTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset Now(TimeProvider timeProvider) => Truncate(timeProvider.GetUtcNow());

    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - ticks % TicksPerMicrosecond, TimeSpan.Zero);
    }

    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(microseconds * TicksPerMicrosecond);
}
