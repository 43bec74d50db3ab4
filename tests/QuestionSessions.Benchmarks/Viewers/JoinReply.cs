namespace QuestionSessions.Benchmarks.Viewers;

/// <summary>The hub's answer to Join: the outcome and the version live events continue from.</summary>
internal sealed record JoinReply(string Outcome, long Version);
