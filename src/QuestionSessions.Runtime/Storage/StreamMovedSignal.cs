using Microsoft.Extensions.Logging;

namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// Holds the <see cref="IEventStore.StreamMoved"/> subscribers and raises to each one separately:
/// a subscriber that throws is logged and skipped, and never reaches the appender or the listener,
/// because the event is only a hint and the commit it reports has already happened.
/// </summary>
internal sealed class StreamMovedSignal(ILogger logger)
{
    private readonly Lock gate = new();
    private Action<StreamMoved>? handlers;

    public void Add(Action<StreamMoved>? handler)
    {
        lock (gate)
        {
            handlers += handler;
        }
    }

    public void Remove(Action<StreamMoved>? handler)
    {
        lock (gate)
        {
            handlers -= handler;
        }
    }

    public void Raise(StreamMoved moved)
    {
        var current = Volatile.Read(ref handlers);
        if (current is null)
        {
            return;
        }

        foreach (var handler in current.GetInvocationList().Cast<Action<StreamMoved>>())
        {
            try
            {
                handler(moved);
            }
#pragma warning disable CA1031 // A subscriber's failure must not undo or fail a commit that already happened.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "A StreamMoved subscriber failed for {StreamId} at version {Version}", moved.StreamId, moved.Version);
            }
        }
    }
}
