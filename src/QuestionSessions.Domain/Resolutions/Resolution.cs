using System.Collections.Immutable;
using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Resolutions;

/// <summary>A numbered clause of a resolution, its text as adopted (Markdown).</summary>
public sealed record ResolutionClause(int Number, string Text);

/// <summary>A task clause given to one agency: the commitment the ledger follows for it.</summary>
public sealed record ClauseAssignment(int Clause, Guid CommitmentId, CommitmentOwner Owner, CommitmentDeadline Deadline, string? ExpectedResult);

public abstract record ResolutionCommand(Actor Actor, DateTimeOffset Now) : ICommand;

/// <summary>
/// The body adopts its resolution on questioning. <see cref="Markdown"/> is the text as entered; the
/// endpoint reads its numbered clauses into <see cref="Clauses"/> (the domain does not parse Markdown).
/// </summary>
public sealed record AdoptResolution(
    Guid ResolutionId, string BodyId, string? Term, string Number, string Title, DateOnly AdoptedOn, string Markdown,
    IReadOnlyList<ResolutionClause> Clauses, Actor Actor, DateTimeOffset Now) : ResolutionCommand(Actor, Now);

/// <summary>Gives task clause <see cref="Clause"/> to one agency with a deadline: it becomes a commitment.</summary>
public sealed record AssignClause(
    int Clause, Guid CommitmentId, CommitmentOwner Owner, CommitmentDeadline Deadline, string? ExpectedResult, Actor Actor, DateTimeOffset Now)
    : ResolutionCommand(Actor, Now);

public abstract record ResolutionEvent(DateTimeOffset At);

[EventAlias("resolution_adopted")]
public sealed record ResolutionAdopted(
    Guid ResolutionId, string BodyId, string? Term, string Number, string Title, DateOnly AdoptedOn, string Markdown,
    IReadOnlyList<ResolutionClause> Clauses, ActorRef By, DateTimeOffset At) : ResolutionEvent(At);

[EventAlias("clause_assigned")]
public sealed record ClauseAssigned(
    int Clause, Guid CommitmentId, CommitmentOwner Owner, CommitmentDeadline Deadline, string? ExpectedResult, ActorRef By, DateTimeOffset At)
    : ResolutionEvent(At);

public sealed record ResolutionState
{
    public static ResolutionState Empty { get; } = new();

    public Guid ResolutionId { get; init; }

    public bool Exists => ResolutionId != Guid.Empty;

    public string BodyId { get; init; } = "";

    public string? Term { get; init; }

    public string Number { get; init; } = "";

    public string Title { get; init; } = "";

    public DateOnly AdoptedOn { get; init; }

    public string Markdown { get; init; } = "";

    public ImmutableList<ResolutionClause> Clauses { get; init; } = [];

    public ImmutableList<ClauseAssignment> Assignments { get; init; } = [];

    public ResolutionClause? Clause(int number) => Clauses.Find(c => c.Number == number);
}

/// <summary>
/// A resolution on questioning: adopted once with its numbered clauses; each task clause is then given to
/// one agency with a deadline, which opens a commitment whose chain is resolution → clause → commitment.
/// Only the body's secretariat (or an administrator) records either step.
/// </summary>
public sealed class ResolutionDecider : IDecider<ResolutionState, ResolutionCommand, ResolutionEvent>
{
    public const int MaxMarkdown = 200_000;
    public const int MaxClauses = 500;

    public static string Category => "resolution";

    public static ResolutionState Initial => ResolutionState.Empty;

    public static Decision<ResolutionEvent> Decide(ResolutionCommand command, ResolutionState state) => command switch
    {
        AdoptResolution c => Adopt(c, state),
        AssignClause c => Assign(c, state),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
    };

    public static ResolutionState Evolve(ResolutionState state, ResolutionEvent @event) => @event switch
    {
        ResolutionAdopted e => state with
        {
            ResolutionId = e.ResolutionId, BodyId = e.BodyId, Term = e.Term, Number = e.Number, Title = e.Title,
            AdoptedOn = e.AdoptedOn, Markdown = e.Markdown, Clauses = [.. e.Clauses],
        },
        ClauseAssigned e => state with { Assignments = state.Assignments.Add(new ClauseAssignment(e.Clause, e.CommitmentId, e.Owner, e.Deadline, e.ExpectedResult)) },
        _ => state,
    };

    private static Decision<ResolutionEvent> Refuse(ErrorKind kind, string code, string message) => Decision<ResolutionEvent>.Refuse(kind, code, message);

    private static Decision<ResolutionEvent> Adopt(AdoptResolution c, ResolutionState state)
    {
        if (!c.Actor.HoldsAny(c.BodyId, Role.Secretariat, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat of the body may enter its resolutions.");
        }

        if (state.Exists)
        {
            return state.Markdown == c.Markdown && state.BodyId == c.BodyId
                ? Decision<ResolutionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "resolution_exists", "Another resolution was entered under this id.");
        }

        if (!Texts.Fits(c.Number, 100) || !Texts.IsLine(c.Title, 500))
        {
            return Refuse(ErrorKind.Invalid, "resolution_title", "A resolution has a number (at most 100 characters) and a title (at most 500).");
        }

        if (c.AdoptedOn > Calendar.VietnamTime.Today(c.Now) || c.AdoptedOn.Year < 1946)
        {
            return Refuse(ErrorKind.Invalid, "adopted_on", "A resolution is entered once adopted: its date is today or earlier.");
        }

        if (!Texts.Fits(c.Markdown, MaxMarkdown))
        {
            return Refuse(ErrorKind.Invalid, "resolution_text", $"Enter the resolution's text, in at most {MaxMarkdown} characters.");
        }

        if (c.Clauses.Count is 0 or > MaxClauses || c.Clauses.Any(k => k.Number < 1 || !Texts.HasContent(k.Text))
            || c.Clauses.Select(k => k.Number).Distinct().Count() != c.Clauses.Count)
        {
            return Refuse(ErrorKind.Invalid, "clauses_required",
                "Number the resolution's clauses as a Markdown list (1. … 2. …), each number once; a resolution has 1 to 500 of them.");
        }

        return Decision<ResolutionEvent>.Accept(new ResolutionAdopted(
            c.ResolutionId, c.BodyId, c.Term, Texts.Clean(c.Number), Texts.Clean(c.Title), c.AdoptedOn, Texts.Clean(c.Markdown),
            [.. c.Clauses.OrderBy(k => k.Number).Select(k => k with { Text = Texts.Clean(k.Text) })], c.Actor.Ref, c.Now));
    }

    private static Decision<ResolutionEvent> Assign(AssignClause c, ResolutionState state)
    {
        if (!state.Exists)
        {
            return Refuse(ErrorKind.NotFound, "resolution_not_found", "No resolution has been entered under this id.");
        }

        if (!c.Actor.HoldsAny(state.BodyId, Role.Secretariat, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat of the body may give a clause to an agency.");
        }

        if (state.Clause(c.Clause) is null)
        {
            return Refuse(ErrorKind.NotFound, "clause_not_found", $"The resolution has no clause {c.Clause}.");
        }

        if (state.Assignments.Find(a => a.Clause == c.Clause) is { } given)
        {
            return given.CommitmentId == c.CommitmentId && given.Owner == c.Owner && given.Deadline == c.Deadline
                ? Decision<ResolutionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "clause_assigned", $"Clause {c.Clause} is already given to {given.Owner.AgencyName}; one clause has one owner.");
        }

        if (CommitmentDeadline.Problem(c.Deadline.Date, Calendar.VietnamTime.Today(c.Now)) is { } badDeadline)
        {
            return badDeadline;
        }

        if (c.ExpectedResult is { Length: > CommitmentDecider.MaxText })
        {
            return Refuse(ErrorKind.Invalid, "expected_result", $"The expected result takes at most {CommitmentDecider.MaxText} characters.");
        }

        return Decision<ResolutionEvent>.Accept(new ClauseAssigned(
            c.Clause, c.CommitmentId, c.Owner, c.Deadline, Texts.CleanOrNull(c.ExpectedResult), c.Actor.Ref, c.Now));
    }
}
