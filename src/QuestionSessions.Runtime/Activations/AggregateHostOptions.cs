namespace QuestionSessions.Runtime.Activations;

public sealed class AggregateHostOptions
{
    /// <summary>An activation unused this long is dropped from memory; it reloads from the store on next use.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// While an activation is in use, a snapshot is written after this many events since the last one.
    /// A snapshot costs as much as the state is large (a sitting's state holds its whole transcript), so
    /// in the command path it only bounds the replay after a crash; the usual snapshot is the one an
    /// activation writes when it is evicted (<see cref="SnapshotOnEvictionAfter"/>).
    /// </summary>
    public int SnapshotEvery { get; set; } = 1_000;

    /// <summary>
    /// An activation evicted (idle, or the host shutting down) with at least this many events since its
    /// last snapshot writes one as it goes, so its next activation starts from it. Fewer events replay
    /// faster than a snapshot loads.
    /// </summary>
    public int SnapshotOnEvictionAfter { get; set; } = 50;

    /// <summary>How often a lost race (another node appended first) is retried by reloading and deciding again.</summary>
    public int MaxConcurrencyRetries { get; set; } = 8;
}
