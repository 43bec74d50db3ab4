namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// An event as the store holds it. <see cref="Data"/> and <see cref="Metadata"/> are kept byte for byte
/// as written (text columns, never jsonb) because the hash chain covers them.
/// </summary>
public sealed record StoredEvent(
    string StreamId,
    long Version,
    long Position,
    string Type,
    string Data,
    string Metadata,
    DateTimeOffset RecordedAt,
    string PrevHash,
    string Hash);
