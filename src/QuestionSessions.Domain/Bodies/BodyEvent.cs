namespace QuestionSessions.Domain.Bodies;

public abstract record BodyEvent(DateTimeOffset At);

[EventAlias("body_established")]
public sealed record BodyEstablished(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term, ActorRef By, DateTimeOffset At)
    : BodyEvent(At);

[EventAlias("member_seated")]
public sealed record MemberSeated(Member Member, ActorRef By, DateTimeOffset At) : BodyEvent(At);

[EventAlias("official_appointed")]
public sealed record OfficialAppointed(Official Official, ActorRef By, DateTimeOffset At) : BodyEvent(At);

[EventAlias("agency_registered")]
public sealed record AgencyRegistered(Agency Agency, ActorRef By, DateTimeOffset At) : BodyEvent(At);

[EventAlias("rules_profile_adopted")]
public sealed record RulesProfileAdopted(RulesProfile Profile, ActorRef By, DateTimeOffset At) : BodyEvent(At);

[EventAlias("session_scheduled")]
public sealed record SessionScheduled(int Number, DateOnly OpensOn, ActorRef By, DateTimeOffset At) : BodyEvent(At);

[EventAlias("term_began")]
public sealed record TermBegan(string Term, DateOnly StartsOn, DateOnly? EndsOn, ActorRef By, DateTimeOffset At) : BodyEvent(At);

/// <summary>A role given to an account, on the stream of the body it is scoped to (<c>body/*</c> for system administrators).</summary>
[EventAlias("role_granted")]
public sealed record RoleGranted(string UserId, string DisplayName, Role Role, string? PersonId, ActorRef By, DateTimeOffset At) : BodyEvent(At);

[EventAlias("role_revoked")]
public sealed record RoleRevoked(string UserId, Role Role, string? PersonId, string Reason, ActorRef By, DateTimeOffset At) : BodyEvent(At);

/// <summary>A member left the body from <see cref="On"/>; the seat's history (and the questions they filed) stays.</summary>
[EventAlias("member_unseated")]
public sealed record MemberUnseated(string MemberId, string Reason, DateOnly On, ActorRef By, DateTimeOffset At) : BodyEvent(At);

/// <summary>An official stopped answering to the body from <see cref="On"/>; sittings and commitments already naming them keep the name.</summary>
[EventAlias("official_relieved")]
public sealed record OfficialRelieved(string OfficialId, string Reason, DateOnly On, ActorRef By, DateTimeOffset At) : BodyEvent(At);
