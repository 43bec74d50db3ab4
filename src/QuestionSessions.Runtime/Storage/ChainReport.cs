namespace QuestionSessions.Runtime.Storage;

/// <summary>The outcome of re-computing a stream's hash chain; <see cref="FirstBrokenVersion"/> is null when it holds.</summary>
public sealed record ChainReport(string StreamId, long EventsChecked, long? FirstBrokenVersion, string? Reason)
{
    public bool IsValid => FirstBrokenVersion is null;
}
