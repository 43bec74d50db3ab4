namespace QuestionSessions.Domain;

/// <summary>Why a command was refused. Nothing is written when a decision carries one.</summary>
public sealed record DomainError(ErrorKind Kind, string Code, string Message);
