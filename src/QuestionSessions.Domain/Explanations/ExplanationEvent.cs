namespace QuestionSessions.Domain.Explanations;

public abstract record ExplanationEvent(DateTimeOffset At);

/// <summary>
/// The request as filed. No actor is recorded for an online filing (the signed-in person's name is personal
/// data); <see cref="TakenDownBy"/> is the officer who wrote down a request made in person.
/// </summary>
[EventAlias("explanation_request_filed")]
public sealed record ExplanationRequestFiled(
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
    ActorRef? TakenDownBy,
    DateTimeOffset At) : ExplanationEvent(At);

/// <summary>Accepted; <see cref="Late"/> when after the acknowledge-by day.</summary>
[EventAlias("explanation_request_accepted")]
public sealed record ExplanationRequestAccepted(DateOnly ExplainBy, bool Late, ActorRef By, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>Refused with reasons; <see cref="Late"/> when after the acknowledge-by day.</summary>
[EventAlias("explanation_request_refused")]
public sealed record ExplanationRequestRefused(RefusalGround Ground, string Reason, bool Late, ActorRef By, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>Sent on from <see cref="From"/> to <see cref="To"/>, whose clock starts at <see cref="AcknowledgeBy"/>; <see cref="Late"/> when <see cref="From"/> passed its own.</summary>
[EventAlias("explanation_request_redirected")]
public sealed record ExplanationRequestRedirected(
    RequestedAgency From, RequestedAgency To, string Reason, DateOnly AcknowledgeBy, bool Late, ActorRef By, DateTimeOffset At) : ExplanationEvent(At);

[EventAlias("explanation_extended")]
public sealed record ExplanationExtended(DateOnly Previous, DateOnly ExplainBy, string Reason, ActorRef By, DateTimeOffset At) : ExplanationEvent(At);

[EventAlias("explanation_meeting_recorded")]
public sealed record ExplanationMeetingRecorded(Guid MeetingId, DateOnly Date, string MinutesMarkdown, ActorRef By, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>The written explanation; <see cref="Late"/> when after the explain-by day in force.</summary>
[EventAlias("explanation_given")]
public sealed record ExplanationGiven(string Markdown, string LegalBasis, bool Late, ActorRef By, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>The requester's rating (no actor: the requester is personal data); <see cref="Previous"/> is the rating it replaces.</summary>
[EventAlias("explanation_rated")]
public sealed record ExplanationRated(SatisfactionRating Rating, string? Comment, SatisfactionRating? Previous, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>The agency was reminded that <see cref="Deadline"/> falls on <see cref="Date"/>.</summary>
[EventAlias("explanation_agency_reminded")]
public sealed record ExplanationAgencyReminded(ExplanationDeadline Deadline, DateOnly Date, string AgencyId, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>The acknowledge-by day passed with the request neither accepted, refused nor redirected by <see cref="AgencyId"/>.</summary>
[EventAlias("explanation_acknowledgement_overdue")]
public sealed record ExplanationAcknowledgementOverdue(DateOnly AcknowledgeBy, string AgencyId, DateTimeOffset At) : ExplanationEvent(At);

/// <summary>The explain-by day passed with no explanation given.</summary>
[EventAlias("explanation_overdue")]
public sealed record ExplanationOverdue(DateOnly ExplainBy, string AgencyId, DateTimeOffset At) : ExplanationEvent(At);
