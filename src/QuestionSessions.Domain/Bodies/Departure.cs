namespace QuestionSessions.Domain.Bodies;

/// <summary>Why and from which day a member left the body or an official stopped answering to it, and who recorded it.</summary>
public sealed record Departure(string Reason, DateOnly On, ActorRef By, DateTimeOffset At);
