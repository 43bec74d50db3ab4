namespace QuestionSessions.Runtime.Storage;

public sealed record FeedEntry(FeedPosition Position, StoredEvent Event);
