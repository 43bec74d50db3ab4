namespace QuestionSessions.Domain.Petitions;

public abstract record PetitionCommand(Actor Actor, DateTimeOffset Now) : ICommand;

/// <summary>
/// Opens the petition in <see cref="BodyId"/>, the body whose deputies or delegates gathered it or that it is
/// filed to ("na", "pc-hue"). <see cref="Code"/> is the tracking code the edge computed from the id. From a
/// meeting or an import: the body's secretariat, a deputy of the body, its supervising committee or an admin;
/// online: anyone, signed in or not (the edge rate-limits), and the filer is never named in the event.
/// </summary>
public sealed record FilePetition(
    Guid PetitionId, string Code, string BodyId, PetitionField Field, string Title, PetitionSource Source, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now);

/// <summary>
/// On the keeper of a merge: takes in the sources of the duplicate <see cref="OtherPetitionId"/> (which gets
/// <see cref="MarkMerged"/>), so its voters are counted here. A repeat for the same duplicate changes nothing.
/// </summary>
public sealed record AbsorbPetition(Guid OtherPetitionId, IReadOnlyList<PetitionSource> Sources, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now);

/// <summary>On the duplicate of a merge: it is folded into <see cref="KeeperId"/>. Only a petition not yet routed merges.</summary>
public sealed record MarkMerged(Guid KeeperId, Actor Actor, DateTimeOffset Now) : PetitionCommand(Actor, Now);

/// <summary>
/// Sends the petition to exactly one responsible agency with the day it must answer by (counted at the edge
/// from the body's rules: 60 days for the Government).
/// </summary>
public sealed record RoutePetition(
    PetitionLevel Level, string AgencyId, string AgencyName, string AgencyBodyId, DateOnly Deadline, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now)
{
    public PetitionRouting Routing => new(Level, AgencyId, AgencyName, AgencyBodyId, Deadline);
}

/// <summary>A wrongly addressed petition goes to another agency, before it is answered; the clock starts again with <see cref="Deadline"/>.</summary>
public sealed record ReroutePetition(
    PetitionLevel Level, string AgencyId, string AgencyName, string AgencyBodyId, DateOnly Deadline, string Reason, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now)
{
    public PetitionRouting Routing => new(Level, AgencyId, AgencyName, AgencyBodyId, Deadline);
}

/// <summary>
/// The routed agency's answer. It may answer again (being resolved, then resolved) until the outcome is
/// resolved; <see cref="AnswerId"/> makes a repeat harmless.
/// </summary>
public sealed record AnswerPetition(Guid AnswerId, string Markdown, PetitionOutcome Outcome, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now);

/// <summary>The latest answer was reported back to voters (through the delegation and the Fatherland Front), by <see cref="Channel"/>.</summary>
public sealed record ReportBackToVoters(string Channel, string? Note, Actor Actor, DateTimeOffset Now) : PetitionCommand(Actor, Now);

/// <summary>
/// A voter rates the latest answer. <see cref="RaterKey"/> is authenticated at the edge: an account id, or
/// <c>filer:{sourceId}</c> for a filer holding the secret. One rating per rater and answer; a new one replaces theirs.
/// </summary>
public sealed record RatePetition(string RaterKey, SatisfactionRating Rating, string? Comment, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now);

/// <summary>An unsatisfactory or overdue petition is taken to a supervision topic or a question.</summary>
public sealed record EscalatePetition(EscalationTarget Target, Guid TargetId, string Reason, Actor Actor, DateTimeOffset Now)
    : PetitionCommand(Actor, Now);

/// <summary>
/// Sent by the petition's reminder: records what has come due by <see cref="ICommand.Now"/> (a reminder to the
/// agency 7 days before the deadline, overdue once it has passed unanswered), each once per deadline.
/// </summary>
public sealed record RunPetitionMilestones(Actor Actor, DateTimeOffset Now) : PetitionCommand(Actor, Now);
