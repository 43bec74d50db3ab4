namespace QuestionSessions.Runtime.Activations;

public sealed class AggregateHostOptions
{
    /// <summary>An activation unused this long is dropped from memory; it reloads from the store on next use.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A snapshot is written after this many events since the last one.</summary>
    public int SnapshotEvery { get; set; } = 200;

    /// <summary>How often a lost race (another node appended first) is retried by reloading and deciding again.</summary>
    public int MaxConcurrencyRetries { get; set; } = 8;
}
