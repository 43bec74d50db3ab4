namespace QuestionSessions.Runtime.Live;

/// <summary>How a join went and the stream version the viewer is now at.</summary>
public sealed record JoinResult(JoinOutcome Outcome, long Version, int CaughtUp);
