namespace QuestionSessions.Domain.Bodies;

/// <summary>Someone the body may question: a minister, a People's Committee chair, a department head.</summary>
public sealed record Official(string OfficialId, string Name, string Office, string Agency);
