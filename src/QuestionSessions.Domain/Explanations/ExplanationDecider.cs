using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Explanations;

/// <summary>
/// One request for explanation (yêu cầu giải trình, Decree 59/2019) from filing to the requester's rating,
/// with who may take each step: anyone files online, an officer of the agency takes a request down in
/// person; the current agency's officers accept, refuse, redirect, extend, meet and explain; only the
/// requester rates; the reminder records what came due. Dates are counted at the edge and checked here.
/// </summary>
public sealed partial class ExplanationDecider : IDecider<ExplanationState, ExplanationCommand, ExplanationEvent>
{
    public const int MaxCode = 20;
    public const int MaxSubject = 200;
    public const int MaxMatter = 8_000;
    public const int MaxDecisionReference = 200;
    public const int MaxRepresented = 100_000;
    public const int MaxReason = 4_000;
    public const int MaxMarkdown = 20_000;
    public const int MaxLegalBasis = 4_000;
    public const int MaxComment = 1_000;
    public const int MaxMeetings = 20;
    public const int MaxRedirects = 10;

    /// <summary>Working days to accept, refuse or redirect: what the edge counts the acknowledge-by day with.</summary>
    public const int AcknowledgeWorkingDays = 5;

    /// <summary>The furthest an acknowledge-by day may lie, in calendar days: 5 working days across the longest Tết break fit.</summary>
    public const int MaxAcknowledgeDays = 30;

    /// <summary>Calendar days from acceptance to the explanation.</summary>
    public const int ExplainDays = 15;

    /// <summary>Calendar days the one extension may add.</summary>
    public const int MaxExtensionDays = 15;

    public static string Category => "explanation";

    public static ExplanationState Initial => ExplanationState.Empty;

    /// <summary>
    /// How many representatives may sign for <paramref name="represented"/> people (Decree 59): one person
    /// signs for themself; 2–4 may all sign; 5–10 appoint 1 or 2; more than 10 up to 5.
    /// </summary>
    public static int MaxRepresentatives(int represented) => represented switch
    {
        <= 1 => 1,
        <= 4 => represented,
        <= 10 => 2,
        _ => 5,
    };

    public static Decision<ExplanationEvent> Decide(ExplanationCommand command, ExplanationState state)
    {
        if (command is FileExplanationRequest file)
        {
            return File(file, state);
        }

        if (!state.Exists)
        {
            return Refuse(ErrorKind.NotFound, "request_not_found", "No request for explanation has been filed under this id.");
        }

        return command switch
        {
            AcceptRequest c => Accept(c, state),
            RefuseRequest c => RefuseRequest(c, state),
            RedirectRequest c => Redirect(c, state),
            ExtendExplanation c => Extend(c, state),
            RecordMeeting c => Meet(c, state),
            GiveExplanation c => Explain(c, state),
            RateExplanation c => Rate(c, state),
            RunExplanationMilestones c => Milestones(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
    }

    private static Decision<ExplanationEvent> Refuse(ErrorKind kind, string code, string message) =>
        Decision<ExplanationEvent>.Refuse(kind, code, message);

    private static Decision<ExplanationEvent> File(FileExplanationRequest c, ExplanationState state)
    {
        if (!Texts.Fits(c.Code, MaxCode))
        {
            return Refuse(ErrorKind.Invalid, "code_required", $"A request has a tracking code of at most {MaxCode} characters.");
        }

        if (c.Agency is not { IsComplete: true })
        {
            return Refuse(ErrorKind.Invalid, "agency_required", "Name the agency whose decision or act the request is about, and its body.");
        }

        if (!Enum.IsDefined(c.Kind) || !Enum.IsDefined(c.Channel))
        {
            return Refuse(ErrorKind.Invalid, "unknown_value", "The requester is a person or an organisation, and the request came online or in person.");
        }

        if (c.RequesterId == Guid.Empty)
        {
            return Refuse(ErrorKind.Invalid, "requester_required", "A request names its requester (by their personal data reference).");
        }

        if (c.Represented is < 1 or > MaxRepresented)
        {
            return Refuse(ErrorKind.Invalid, "represented", $"A request is made for 1 to {MaxRepresented} people.");
        }

        if (c.Representatives < 1 || c.Representatives > MaxRepresentatives(c.Represented))
        {
            return Refuse(ErrorKind.Invalid, "representatives",
                $"{c.Represented} people are represented by 1 to {MaxRepresentatives(c.Represented)} of them (5–10 people appoint 1 or 2, more than 10 up to 5).");
        }

        if (!Texts.IsLine(c.Subject, MaxSubject))
        {
            return Refuse(ErrorKind.Invalid, "subject", $"Give the request a subject of 1 to {MaxSubject} characters.");
        }

        if (!Texts.Fits(c.Matter, MaxMatter))
        {
            return Refuse(ErrorKind.Invalid, "matter", $"Say which decision or act it is and how it affects the requester's rights, in 1 to {MaxMatter} characters.");
        }

        if (c.DecisionReference is { Length: > MaxDecisionReference })
        {
            return Refuse(ErrorKind.Invalid, "decision_reference", $"The decision's reference takes at most {MaxDecisionReference} characters.");
        }

        if (Window(c.AcknowledgeBy, VietnamTime.Today(c.Now), MaxAcknowledgeDays, "acknowledge_by", "The acknowledge-by day") is { } badDate)
        {
            return badDate;
        }

        if (c.Channel == FilingChannel.InPerson && !c.Agency.HasOfficer(c.Actor))
        {
            return Refuse(ErrorKind.Forbidden, "agency_officer_required", $"A request made in person is taken down by an officer of {c.Agency.AgencyName}.");
        }

        var agency = c.Agency.Trimmed();
        var reference = Texts.CleanOrNull(c.DecisionReference);
        if (state.Exists)
        {
            var same = state.RequestId == c.RequestId && state.Code == Texts.Clean(c.Code) && state.AgencyHistory[0] == agency
                && state.Kind == c.Kind && state.RequesterId == c.RequesterId && state.Represented == c.Represented
                && state.Representatives == c.Representatives && state.Subject == Texts.Clean(c.Subject) && state.Matter == Texts.Clean(c.Matter)
                && state.DecisionReference == reference && state.Channel == c.Channel && state.Publish == c.Publish;
            return same
                ? Decision<ExplanationEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "request_exists", "Another request was already filed under this id.");
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationRequestFiled(
            c.RequestId, Texts.Clean(c.Code), agency, c.Kind, c.RequesterId, c.Represented, c.Representatives, Texts.Clean(c.Subject), Texts.Clean(c.Matter),
            reference, c.Channel, c.Publish, c.AcknowledgeBy, c.Channel == FilingChannel.InPerson ? c.Actor.Ref : null, c.Now));
    }

    /// <summary>A deadline set on <paramref name="today"/> lies after it and at most <paramref name="maxDays"/> calendar days ahead.</summary>
    private static DomainError? Window(DateOnly date, DateOnly today, int maxDays, string code, string what) =>
        date <= today ? new DomainError(ErrorKind.Invalid, $"{code}_not_future", $"{what} lies after today.")
        : date > today.AddDays(maxDays) ? new DomainError(ErrorKind.Invalid, $"{code}_too_far", $"{what} lies at most {maxDays} days ahead.")
        : null;

    private static DomainError? Officer(ExplanationCommand c, ExplanationState state, string what) =>
        state.Agency!.HasOfficer(c.Actor)
            ? null
            : new DomainError(ErrorKind.Forbidden, "agency_officer_required", $"Only an officer of {state.Agency.AgencyName} may {what}.");

    /// <summary>Why the request is not waiting for acknowledgement.</summary>
    private static DomainError Acknowledged(ExplanationState state) => new(ErrorKind.Conflict, "already_acknowledged", state.Status switch
    {
        ExplanationStatus.Refused => "The request was refused.",
        _ => "The request was already accepted.",
    });

    private static Decision<ExplanationEvent> Accept(AcceptRequest c, ExplanationState state)
    {
        if (Window(c.ExplainBy, VietnamTime.Today(c.Now), ExplainDays, "explain_by", "The explain-by day") is { } badDate)
        {
            return badDate;
        }

        if (Officer(c, state, "accept the request") is { } denied)
        {
            return denied;
        }

        if (state.Status != ExplanationStatus.Received)
        {
            return state.AcceptedAt is not null && state.OriginalExplainBy == c.ExplainBy ? Decision<ExplanationEvent>.Nothing : Acknowledged(state);
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationRequestAccepted(c.ExplainBy, IsLate(c.Now, state.AcknowledgeBy), c.Actor.Ref, c.Now));
    }

    private static Decision<ExplanationEvent> RefuseRequest(RefuseRequest c, ExplanationState state)
    {
        if (!Enum.IsDefined(c.Ground))
        {
            return Refuse(ErrorKind.Invalid, "unknown_value", "Name one of the grounds for refusing.");
        }

        if (!Texts.Fits(c.Reason, MaxReason))
        {
            return Refuse(ErrorKind.Invalid, "reason_required", $"Say why the request is refused, in 1 to {MaxReason} characters.");
        }

        if (Officer(c, state, "refuse the request") is { } denied)
        {
            return denied;
        }

        if (state.Status != ExplanationStatus.Received)
        {
            return state.Status == ExplanationStatus.Refused && state.RefusalGround == c.Ground && state.RefusalReason == Texts.Clean(c.Reason)
                ? Decision<ExplanationEvent>.Nothing
                : Acknowledged(state);
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationRequestRefused(c.Ground, Texts.Clean(c.Reason), IsLate(c.Now, state.AcknowledgeBy), c.Actor.Ref, c.Now));
    }

    private static Decision<ExplanationEvent> Redirect(RedirectRequest c, ExplanationState state)
    {
        if (c.To is not { IsComplete: true })
        {
            return Refuse(ErrorKind.Invalid, "agency_required", "Name the agency the request goes to, and its body.");
        }

        if (!Texts.Fits(c.Reason, MaxReason))
        {
            return Refuse(ErrorKind.Invalid, "reason_required", $"Say why the request belongs to that agency, in 1 to {MaxReason} characters.");
        }

        if (Window(c.AcknowledgeBy, VietnamTime.Today(c.Now), MaxAcknowledgeDays, "acknowledge_by", "The acknowledge-by day") is { } badDate)
        {
            return badDate;
        }

        // A retried redirect comes from an officer of the agency it left.
        if (state.Status == ExplanationStatus.Received && state.Agency!.IsSameAs(c.To)
            && state.AgencyHistory.Count > 1 && state.AgencyHistory[^2].HasOfficer(c.Actor))
        {
            return Decision<ExplanationEvent>.Nothing;
        }

        if (Officer(c, state, "redirect the request") is { } denied)
        {
            return denied;
        }

        if (state.Status != ExplanationStatus.Received)
        {
            return Acknowledged(state);
        }

        if (state.Agency!.IsSameAs(c.To))
        {
            return Refuse(ErrorKind.Invalid, "same_agency", "A request is redirected to another agency than the one holding it.");
        }

        if (state.Redirects >= MaxRedirects)
        {
            return Refuse(ErrorKind.Conflict, "too_many_redirects", $"A request is redirected at most {MaxRedirects} times: the agency holding it accepts or refuses it.");
        }

        return Decision<ExplanationEvent>.Accept(new ExplanationRequestRedirected(
            state.Agency, c.To.Trimmed(), Texts.Clean(c.Reason), c.AcknowledgeBy, IsLate(c.Now, state.AcknowledgeBy), c.Actor.Ref, c.Now));
    }

    /// <summary>After the deadline's day in Asia/Ho_Chi_Minh.</summary>
    private static bool IsLate(DateTimeOffset now, DateOnly? deadline) => deadline is { } day && VietnamTime.Today(now) > day;

    private static Decision<ExplanationEvent> Milestones(RunExplanationMilestones c, ExplanationState state) =>
        c.Actor.Holds(Role.Admin, state.Agency!.AgencyBodyId)
            ? Decision<ExplanationEvent>.Accept(ExplanationMilestones.Due(state, c.Now))
            : Refuse(ErrorKind.Forbidden, "system_only", "Deadlines are run by the system.");
}
