namespace QuestionSessions.Runtime.Storage;

/// <summary>An event about to be appended: its stable alias, JSON body and JSON metadata.</summary>
public sealed record NewEvent(string Type, string Data, string Metadata);
