namespace QuestionSessions.Runtime.Storage;

/// <summary>A lost race: the stream had moved past the expected version. The only error an append raises for it.</summary>
public sealed class ConcurrencyException : Exception
{
    public ConcurrencyException(string streamId, long expectedVersion, Exception? inner = null)
        : base($"Stream '{streamId}' is no longer at version {expectedVersion}.", inner)
    {
        StreamId = streamId;
        ExpectedVersion = expectedVersion;
    }

    public ConcurrencyException() : this("", 0) { }

    public ConcurrencyException(string message) : base(message) => StreamId = "";

    public ConcurrencyException(string message, Exception inner) : base(message, inner) => StreamId = "";

    public string StreamId { get; }

    public long ExpectedVersion { get; }
}
