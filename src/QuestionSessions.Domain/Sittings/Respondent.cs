namespace QuestionSessions.Domain.Sittings;

/// <summary>An official answering in a cluster, copied from the body when the sitting is scheduled.</summary>
public sealed record Respondent(string OfficialId, string Name, string Office);
