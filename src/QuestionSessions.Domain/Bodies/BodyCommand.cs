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

/// <summary>
/// The body's term (khóa) <see cref="Term"/> runs from <see cref="StartsOn"/>; a new term starts its sessions
/// from number 1 again. Repeating the current term's label corrects its dates.
/// </summary>
public sealed record BeginTerm(string Term, DateOnly StartsOn, DateOnly? EndsOn, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

/// <summary>
/// Gives the account <see cref="UserId"/> a role in <see cref="BodyId"/> (<see cref="Grant.AnyBody"/> for a system
/// administrator). <see cref="PersonId"/> names the member (deputy), the official (respondent) or the agency
/// (agency officer) the role acts for.
/// </summary>
public sealed record GrantRole(
    string BodyId, string UserId, string DisplayName, Role Role, string? PersonId, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

/// <summary>Takes back a role held in <see cref="BodyId"/>; the reason is part of the public history.</summary>
public sealed record RevokeRole(
    string BodyId, string UserId, Role Role, string? PersonId, string Reason, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

/// <summary>
/// The member <see cref="MemberId"/> no longer sits in the body from <see cref="On"/> (resigned, removed, deceased):
/// the reason is public. Any deputy grant speaking as the member is revoked in the same decision.
/// </summary>
public sealed record UnseatMember(string MemberId, string Reason, DateOnly On, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);

/// <summary>
/// The official <see cref="OfficialId"/> no longer answers to the body from <see cref="On"/> (moved to another post,
/// retired): new sittings cannot name them; past sittings and commitments keep their name. Any respondent grant
/// answering as the official is revoked in the same decision.
/// </summary>
public sealed record RelieveOfficial(string OfficialId, string Reason, DateOnly On, Actor Actor, DateTimeOffset Now) : BodyCommand(Actor, Now);
