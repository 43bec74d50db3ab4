namespace QuestionSessions.Runtime.Activations;

/// <summary>
/// One aggregate in memory: its state as of <see cref="Version"/> and a mailbox that lets one command
/// in at a time (the grain's turn-based concurrency). <see cref="Loaded"/> is false until first use.
/// </summary>
internal sealed class Activation<TState>(string streamId)
    where TState : class
{
    public string StreamId { get; } = streamId;

    public SemaphoreSlim Mailbox { get; } = new(1, 1);

    public TState? State { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// The hash of the event at <see cref="Version"/> when known (from stored events, an append's result
    /// or the snapshot), so an append need not read the stream's head; null when unknown.
    /// </summary>
    public string? LastHash { get; set; }

    public bool Loaded { get; set; }

    public long LastUsedTicks { get; set; }

    public long EventsSinceSnapshot { get; set; }
}
