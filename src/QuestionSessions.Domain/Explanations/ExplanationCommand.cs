namespace QuestionSessions.Domain.Explanations;

public abstract record ExplanationCommand(Actor Actor, DateTimeOffset Now) : ICommand;

/// <summary>
/// Files a request for explanation (yêu cầu giải trình) about a decision or act of <see cref="Agency"/>.
/// <see cref="RequesterId"/> is the requester's subject id in the personal data table: no name goes into
/// the log. <see cref="Represented"/> is how many people the request is for (1 for one person) and
/// <see cref="Representatives"/> how many of them sign for the rest (Decree 59: 5–10 people appoint 1–2,
/// more than 10 up to 5). <see cref="Publish"/>: the requester consents to the matter and the explanation
/// being shown in public without their identity. <see cref="AcknowledgeBy"/> is 5 working days after
/// receipt, counted by the edge. Online, anyone may file; in person, an officer of the agency takes it down.
/// </summary>
public sealed record FileExplanationRequest(
    Guid RequestId,
    string Code,
    RequestedAgency Agency,
    RequesterKind Kind,
    Guid RequesterId,
    int Represented,
    int Representatives,
    string Subject,
    string Matter,
    string? DecisionReference,
    FilingChannel Channel,
    bool Publish,
    DateOnly AcknowledgeBy,
    Actor Actor,
    DateTimeOffset Now) : ExplanationCommand(Actor, Now);

/// <summary>The agency accepts the request (tiếp nhận) and owes the explanation by <see cref="ExplainBy"/> (15 days, counted by the edge).</summary>
public sealed record AcceptRequest(DateOnly ExplainBy, Actor Actor, DateTimeOffset Now) : ExplanationCommand(Actor, Now);

/// <summary>The agency refuses to explain, on one of the decree's grounds, and says why in writing.</summary>
public sealed record RefuseRequest(RefusalGround Ground, string Reason, Actor Actor, DateTimeOffset Now) : ExplanationCommand(Actor, Now);

/// <summary>
/// The request is not for this agency: it goes on to <see cref="To"/>, which acknowledges it by
/// <see cref="AcknowledgeBy"/> (5 working days after the redirect, counted by the edge).
/// </summary>
public sealed record RedirectRequest(RequestedAgency To, string Reason, DateOnly AcknowledgeBy, Actor Actor, DateTimeOffset Now)
    : ExplanationCommand(Actor, Now);

/// <summary>The one extension a complex matter may get (at most 15 days more), notified to the requester in writing.</summary>
public sealed record ExtendExplanation(DateOnly NewExplainBy, string Reason, Actor Actor, DateTimeOffset Now) : ExplanationCommand(Actor, Now);

/// <summary>A meeting held with the requester while verifying the matter, with its minutes; <see cref="MeetingId"/> makes a repeat harmless.</summary>
public sealed record RecordMeeting(Guid MeetingId, DateOnly Date, string MinutesMarkdown, Actor Actor, DateTimeOffset Now)
    : ExplanationCommand(Actor, Now);

/// <summary>The written explanation sent to the requester: the explanation and the legal basis it rests on.</summary>
public sealed record GiveExplanation(string Markdown, string LegalBasis, Actor Actor, DateTimeOffset Now) : ExplanationCommand(Actor, Now);

/// <summary>
/// The requester rates the explanation. <see cref="RequesterId"/> is the subject id the edge proved (by the
/// filing secret, or by a signed-in account linked to that subject), <see cref="Guid.Empty"/> when it proved
/// none; it must be the request's requester. A second rating replaces the first.
/// </summary>
public sealed record RateExplanation(SatisfactionRating Rating, string? Comment, Guid RequesterId, Actor Actor, DateTimeOffset Now)
    : ExplanationCommand(Actor, Now);

/// <summary>
/// Sent by the request's reminder: records what has come due by <see cref="ICommand.Now"/> (a reminder to the
/// agency 3 days before each deadline, overdue once it has passed). Each happens once per deadline date.
/// </summary>
public sealed record RunExplanationMilestones(Actor Actor, DateTimeOffset Now) : ExplanationCommand(Actor, Now);
