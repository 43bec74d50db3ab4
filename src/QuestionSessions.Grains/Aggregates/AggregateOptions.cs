namespace QuestionSessions.Grains.Aggregates;

/// <summary>Snapshot and retry settings of the event-sourced grains (configuration section <c>Aggregates</c>).</summary>
public sealed class AggregateOptions
{
    /// <summary>
    /// While a grain is active, a snapshot is written after this many events since the last one: it only
    /// bounds the replay after a crash. The usual snapshot is the one written on deactivation.
    /// </summary>
    public int SnapshotEvery { get; set; } = 1_000;

    /// <summary>
    /// A grain deactivated (idle, or its silo shutting down) with at least this many events since its last
    /// snapshot writes one as it goes, so its next activation starts from it. Fewer events replay faster
    /// than a snapshot loads.
    /// </summary>
    public int SnapshotOnDeactivationAfter { get; set; } = 50;

    /// <summary>
    /// How often an append refused on the expected version (a second activation wrote while membership
    /// settled) is retried by loading what it wrote and deciding again.
    /// </summary>
    public int MaxConcurrencyRetries { get; set; } = 8;
}
