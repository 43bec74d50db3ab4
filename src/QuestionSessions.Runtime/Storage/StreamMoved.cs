namespace QuestionSessions.Runtime.Storage;

/// <summary>A hint that a stream reached a version: sent after commit, possibly by another node.</summary>
public readonly record struct StreamMoved(string StreamId, long Version);
