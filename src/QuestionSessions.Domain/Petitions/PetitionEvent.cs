namespace QuestionSessions.Domain.Petitions;

public abstract record PetitionEvent(DateTimeOffset At);

/// <summary>The petition was filed. <see cref="By"/> is null for an online filing: a voter is never named in the log.</summary>
[EventAlias("petition_filed")]
public sealed record PetitionFiled(
    Guid PetitionId, string Code, string BodyId, PetitionField Field, string Title, PetitionSource Source, ActorRef? By, DateTimeOffset At)
    : PetitionEvent(At);

/// <summary>The duplicate <see cref="OtherPetitionId"/> was merged into this one; <see cref="Sources"/> are those it did not hold yet.</summary>
[EventAlias("petition_absorbed")]
public sealed record PetitionAbsorbed(Guid OtherPetitionId, IReadOnlyList<PetitionSource> Sources, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

/// <summary>This petition was a duplicate, folded into <see cref="KeeperId"/>.</summary>
[EventAlias("petition_merged")]
public sealed record PetitionMerged(Guid KeeperId, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

[EventAlias("petition_routed")]
public sealed record PetitionRouted(PetitionRouting Routing, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

/// <summary>Sent to another agency: <see cref="Routing"/> carries the fresh deadline.</summary>
[EventAlias("petition_rerouted")]
public sealed record PetitionRerouted(PetitionRouting Previous, PetitionRouting Routing, string Reason, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

/// <summary>The agency answered; <see cref="Late"/> when it was after the deadline day in force.</summary>
[EventAlias("petition_answered")]
public sealed record PetitionAnswered(
    Guid AnswerId, string AgencyId, string Markdown, PetitionOutcome Outcome, bool Late, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

/// <summary>The answer <see cref="AnswerId"/> was reported back to voters.</summary>
[EventAlias("petition_reported_back")]
public sealed record PetitionReportedBack(Guid AnswerId, string Channel, string? Note, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

/// <summary>
/// A voter rated the answer <see cref="AnswerId"/>; <see cref="Previous"/> is the rating of theirs it replaces.
/// No actor: the rater key is all the log knows of a voter.
/// </summary>
[EventAlias("petition_rated")]
public sealed record PetitionRated(
    string RaterKey, Guid AnswerId, SatisfactionRating Rating, SatisfactionRating? Previous, string? Comment, DateTimeOffset At) : PetitionEvent(At);

[EventAlias("petition_escalated")]
public sealed record PetitionEscalated(EscalationTarget Target, Guid TargetId, string Reason, ActorRef By, DateTimeOffset At) : PetitionEvent(At);

/// <summary>The agency was reminded <see cref="DaysBefore"/> days before <see cref="Deadline"/>.</summary>
[EventAlias("petition_agency_reminded")]
public sealed record PetitionAgencyReminded(string AgencyId, int DaysBefore, DateOnly Deadline, DateTimeOffset At) : PetitionEvent(At);

/// <summary>The deadline passed with no answer from the agency.</summary>
[EventAlias("petition_overdue")]
public sealed record PetitionOverdue(string AgencyId, DateOnly Deadline, DateTimeOffset At) : PetitionEvent(At);
