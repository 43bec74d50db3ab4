using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Joined: missed events follow, then live ones. ReloadRequired: too far behind, load the sitting
/// (GET /api/sittings/{id}) and join from its version. Overflowed: could not keep up; retry.
/// </summary>
internal sealed record JoinReply(JoinOutcome Outcome, long Version, int CaughtUp);
