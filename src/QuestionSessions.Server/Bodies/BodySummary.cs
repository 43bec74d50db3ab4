using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Bodies;

internal sealed record BodySummary(string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term, int Members, int Officials);
