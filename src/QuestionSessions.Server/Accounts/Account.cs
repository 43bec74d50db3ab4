using QuestionSessions.Domain;

namespace QuestionSessions.Server.Accounts;

/// <summary>A local account. Kept outside the event log: it holds a password hash and can be removed.</summary>
internal sealed record Account(string UserId, string Username, string DisplayName, string PasswordHash, IReadOnlyList<Grant> Grants);
