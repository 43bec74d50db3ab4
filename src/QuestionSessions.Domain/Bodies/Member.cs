namespace QuestionSessions.Domain.Bodies;

/// <summary>A deputy (National Assembly) or delegate (People's Council); <see cref="Group"/> is the delegation or delegate group.</summary>
public sealed record Member(string MemberId, string Name, string Group);
