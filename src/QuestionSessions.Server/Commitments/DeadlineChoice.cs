using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

/// <summary>
/// A deadline as a request gives it: a date, or the session of the body's term before which the commitment is
/// kept (resolved to the day before that session opens). Exactly one of the two.
/// </summary>
internal static class DeadlineChoice
{
    /// <summary>The deadline, or the problem to answer: neither or both given, or a session the body has not scheduled.</summary>
    public static (CommitmentDeadline? Deadline, IResult? Problem) Resolve(BodyState body, DateOnly? date, int? beforeSession)
    {
        if ((date is null) == (beforeSession is null))
        {
            return (null, Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Give one deadline",
                "A deadline is a date or a session before which the commitment is kept: give one of them.", "deadline_required"));
        }

        if (date is { } day)
        {
            return (new CommitmentDeadline(day), null);
        }

        var number = beforeSession!.Value;
        return body.Sessions.TryGetValue(number, out var opensOn)
            ? (CommitmentDeadline.BeforeSession(number, opensOn), null)
            : (null, Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown session",
                $"The body has not scheduled session {number}; give a date, or schedule the session first.", "session_not_found"));
    }
}
