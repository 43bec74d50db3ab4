using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Explanations;

/// <summary>The steps after acceptance: the one extension, meetings, the explanation and the requester's rating.</summary>
public sealed partial class ExplanationDecider
{
    /// <summary>Why nothing can be done towards an explanation now.</summary>
    private static DomainError NotAccepted(ExplanationState state) => state.Status switch
    {
        ExplanationStatus.Explained => new(ErrorKind.Conflict, "already_explained", "The explanation was already given."),
        ExplanationStatus.Refused => new(ErrorKind.Conflict, "request_refused", "The request was refused: there is nothing to explain."),
        _ => new(ErrorKind.Conflict, "not_accepted", "The request has not been accepted yet."),
    };

    private static Decision<ExplanationEvent> Extend(ExtendExplanation c, ExplanationState state)
    {
        if (!Texts.Fits(c.Reason, MaxReason))
        {
            return Refuse(ErrorKind.Invalid, "reason_required", $"Say why the matter needs more time, in 1 to {MaxReason} characters: the requester is told in writing.");
        }

        if (Officer(c, state, "extend the time to explain") is { } denied)
        {
            return denied;
        }

        if (state.Extended && state.ExplainBy == c.NewExplainBy)
        {
            return Decision<ExplanationEvent>.Nothing;
        }

        if (state.Status != ExplanationStatus.Accepted)
        {
            return NotAccepted(state);
        }

        if (state.Extended)
        {
            return Refuse(ErrorKind.Conflict, "already_extended", "The time to explain is extended once only.");
        }

        var explainBy = state.ExplainBy!.Value;
        if (IsLate(c.Now, explainBy))
        {
            return Refuse(ErrorKind.Conflict, "explain_by_passed", "The explain-by day has passed: an extension is given before it, and a late explanation stays late.");
        }

        if (c.NewExplainBy <= explainBy)
        {
            return Refuse(ErrorKind.Invalid, "extension_not_later", "An extension moves the explain-by day later.");
        }

        if (c.NewExplainBy > explainBy.AddDays(MaxExtensionDays))
        {
            return Refuse(ErrorKind.Invalid, "extension_too_long", $"An extension adds at most {MaxExtensionDays} days.");
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationExtended(explainBy, c.NewExplainBy, Texts.Clean(c.Reason), c.Actor.Ref, c.Now));
    }

    private static Decision<ExplanationEvent> Meet(RecordMeeting c, ExplanationState state)
    {
        if (!Texts.Fits(c.MinutesMarkdown, MaxMarkdown))
        {
            return Refuse(ErrorKind.Invalid, "minutes_required", $"Record the meeting's minutes, in 1 to {MaxMarkdown} characters.");
        }

        if (c.Date > VietnamTime.Today(c.Now))
        {
            return Refuse(ErrorKind.Invalid, "meeting_in_future", "Minutes are recorded for a meeting that has been held.");
        }

        if (Officer(c, state, "record a meeting") is { } denied)
        {
            return denied;
        }

        if (state.Meetings.Contains(c.MeetingId))
        {
            return Decision<ExplanationEvent>.Nothing;
        }

        if (state.Status != ExplanationStatus.Accepted)
        {
            return NotAccepted(state);
        }

        if (c.Date < VietnamTime.Today(state.ReceivedAt))
        {
            return Refuse(ErrorKind.Invalid, "meeting_before_filing", "A meeting on the request is held after it was filed.");
        }

        if (state.Meetings.Count >= MaxMeetings)
        {
            return Refuse(ErrorKind.Conflict, "too_many_meetings", $"A request records at most {MaxMeetings} meetings.");
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationMeetingRecorded(c.MeetingId, c.Date, Texts.Clean(c.MinutesMarkdown), c.Actor.Ref, c.Now));
    }

    private static Decision<ExplanationEvent> Explain(GiveExplanation c, ExplanationState state)
    {
        if (!Texts.Fits(c.Markdown, MaxMarkdown))
        {
            return Refuse(ErrorKind.Invalid, "explanation_text", $"Write the explanation, in 1 to {MaxMarkdown} characters.");
        }

        if (!Texts.Fits(c.LegalBasis, MaxLegalBasis))
        {
            return Refuse(ErrorKind.Invalid, "legal_basis_required", $"Give the legal basis of the explanation, in 1 to {MaxLegalBasis} characters.");
        }

        if (Officer(c, state, "give the explanation") is { } denied)
        {
            return denied;
        }

        if (state.Status == ExplanationStatus.Explained && state.Explanation == Texts.Clean(c.Markdown))
        {
            return Decision<ExplanationEvent>.Nothing;
        }

        if (state.Status != ExplanationStatus.Accepted)
        {
            return NotAccepted(state);
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationGiven(
            Texts.Clean(c.Markdown), Texts.Clean(c.LegalBasis), IsLate(c.Now, state.ExplainBy), c.Actor.Ref, c.Now));
    }

    private static Decision<ExplanationEvent> Rate(RateExplanation c, ExplanationState state)
    {
        if (!Enum.IsDefined(c.Rating))
        {
            return Refuse(ErrorKind.Invalid, "unknown_value", "The rating is satisfied, partly satisfied or unsatisfied.");
        }

        if (c.Comment is { Length: > MaxComment })
        {
            return Refuse(ErrorKind.Invalid, "comment_too_long", $"A comment takes at most {MaxComment} characters.");
        }

        if (c.RequesterId == Guid.Empty || c.RequesterId != state.RequesterId)
        {
            return Refuse(ErrorKind.Forbidden, "requester_only", "Only the requester rates the explanation.");
        }

        if (state.Status != ExplanationStatus.Explained)
        {
            return Refuse(ErrorKind.Conflict, "not_explained", "An explanation is rated once it has been given.");
        }

        var comment = Texts.CleanOrNull(c.Comment);
        return state.Rating == c.Rating && state.RatingComment == comment
            ? Decision<ExplanationEvent>.Nothing
            : Decision<ExplanationEvent>.Accept(new ExplanationRated(c.Rating, comment, state.Rating, c.Now));
    }
}
