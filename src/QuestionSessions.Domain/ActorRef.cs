namespace QuestionSessions.Domain;

/// <summary>Who did it, as the public history shows it.</summary>
public sealed record ActorRef(string UserId, string Name);
