namespace QuestionSessions.Domain.Bodies;

public abstract record BodyCommand(Actor Actor, DateTimeOffset Now) : ICommand;

public sealed record EstablishBody(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term, Actor Actor, DateTimeOffset Now)
    : BodyCommand(Actor, Now);

public sealed record SeatMember(Member Member, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

public sealed record AppointOfficial(Official Official, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

public sealed record RegisterAgency(Agency Agency, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

public sealed record AdoptRulesProfile(RulesProfile Profile, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

/// <summary>The body's session <see cref="Number"/> of its term opens on <see cref="OpensOn"/> (kỳ họp thứ N).</summary>
public sealed record ScheduleSession(int Number, DateOnly OpensOn, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);
