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
