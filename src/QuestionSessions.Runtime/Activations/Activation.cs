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

    public bool Loaded { get; set; }

    public long LastUsedTicks { get; set; }

    public long EventsSinceSnapshot { get; set; }
}
