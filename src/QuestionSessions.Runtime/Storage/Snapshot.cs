namespace QuestionSessions.Runtime.Storage;

/// <summary>An aggregate's state as of <see cref="Version"/>, so a long stream need not be replayed.</summary>
public sealed record Snapshot(string StreamId, long Version, string Data, DateTimeOffset TakenAt);
