namespace QuestionSessions.Runtime.Storage;

/// <summary>Entries after the requested position, and the position to ask from next time.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, FeedPosition Next);
