namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>A clock tests move by hand, so a three-minute answer with a 25-second overrun takes no real time.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
