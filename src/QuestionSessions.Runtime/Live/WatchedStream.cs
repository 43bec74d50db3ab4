using System.Collections.Immutable;

namespace QuestionSessions.Runtime.Live;

/// <summary>
/// A stream with viewers on this node. <see cref="Cursor"/> is the last version relayed to them;
/// <see cref="Gate"/> orders relaying and joining so a joining viewer gets each event exactly once.
/// </summary>
internal sealed class WatchedStream<TMessage>(string streamId)
{
    public string StreamId { get; } = streamId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    public long Cursor { get; set; } = -1;

    public bool Retired { get; set; }

    // Copied on write: broadcasting iterates a stable array without holding anything.
    public ImmutableArray<IRelayViewer<TMessage>> Viewers { get; set; } = [];
}
