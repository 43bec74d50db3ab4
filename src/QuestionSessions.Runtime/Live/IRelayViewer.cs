namespace QuestionSessions.Runtime.Live;

/// <summary>
/// One connection watching streams. <see cref="TryDeliver"/> must not block: it queues into a bounded
/// buffer and returns false when the buffer is full, so one slow viewer never slows the others.
/// </summary>
public interface IRelayViewer<in TMessage>
{
    string Id { get; }

    bool TryDeliver(TMessage message);

    /// <summary>The viewer fell behind on <paramref name="streamId"/> and was dropped from it; it should resume by version.</summary>
    void Overflowed(string streamId);
}
