using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Joined: missed events follow, then live ones. ReloadRequired: too far behind, load the sitting
/// (GET /api/sittings/{id}) and join from its version. Overflowed: could not keep up; retry.
/// NotFound: there is no such sitting (or commitment); asking again will not help. Refused: the
/// arguments cannot be right (a negative version) or the connection watches too many streams;
/// <see cref="Detail"/> says which.
/// </summary>
internal sealed record JoinReply(JoinReplyOutcome Outcome, long Version, int CaughtUp, string? Detail = null)
{
    public static JoinReply From(JoinResult result) => new(
        result.Outcome switch
        {
            JoinOutcome.Joined => JoinReplyOutcome.Joined,
            JoinOutcome.ReloadRequired => JoinReplyOutcome.ReloadRequired,
            _ => JoinReplyOutcome.Overflowed,
        },
        result.Version,
        result.CaughtUp);

    public static JoinReply NotFound(string what) => new(JoinReplyOutcome.NotFound, 0, 0, $"There is no such {what}.");

    public static JoinReply Refused(string detail) => new(JoinReplyOutcome.Refused, 0, 0, detail);
}

/// <summary>How a join ended, as the client branches on it.</summary>
internal enum JoinReplyOutcome
{
    Joined,
    ReloadRequired,
    Overflowed,
    NotFound,
    Refused,
}
