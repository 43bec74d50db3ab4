using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Commitments;

/// <summary>
/// One commitment from the moment it is made to its verified fulfilment (or withdrawal), with who may
/// take each step: the owner agency's officers report, submit and claim; the questioner or the body's
/// supervising committee assesses; the supervising committee or the secretariat amends the deadline and
/// withdraws; the reminder records what came due. Nothing is edited: every change is an event.
/// </summary>
public sealed class CommitmentDecider : IDecider<CommitmentState, CommitmentCommand, CommitmentEvent>
{
    public const int MaxText = 4_000;
    public const int MaxMarkdown = 20_000;
    public const int MaxEvidence = 10;
    public const int MaxReason = 2_000;

    public static string Category => "commitment";

    public static CommitmentState Initial => CommitmentState.Empty;

    public static Decision<CommitmentEvent> Decide(CommitmentCommand command, CommitmentState state)
    {
        if (command is MakeCommitment make)
        {
            return Make(make, state);
        }

        if (!state.Exists)
        {
            return Refuse(ErrorKind.NotFound, "commitment_not_found", "No commitment has been made under this id.");
        }

        return command switch
        {
            ReportProgress c => Report(c, state),
            SubmitToAuthority c => Submit(c, state),
            ClaimFulfilment c => Claim(c, state),
            AssessFulfilment c => Assess(c, state),
            WithdrawCommitment c => Withdraw(c, state),
            AmendDeadline c => Amend(c, state),
            LinkRequestioning c => Link(c, state),
            RunMilestones c => Milestones(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
    }

    public static CommitmentState Evolve(CommitmentState state, CommitmentEvent @event) => Apply(state, @event) with { UpdatedAt = @event.At };

    private static CommitmentState Apply(CommitmentState state, CommitmentEvent @event) => @event switch
    {
        CommitmentMade e => state with
        {
            CommitmentId = e.CommitmentId,
            Kind = e.Kind,
            Status = CommitmentStatus.InProgress,
            Provenance = e.Provenance,
            Owner = e.Owner,
            Text = e.Text,
            ExpectedResult = e.ExpectedResult,
            Deadline = e.Deadline,
            OriginalDeadline = e.Deadline.Date,
            MadeAt = e.At,
        },
        ProgressReported e => state with
        {
            Reports = state.Reports.Add(e.ReportId),
            Percent = e.Percent ?? state.Percent,
            LastProgressAt = e.At,
        },
        SubmittedToAuthority => state with { Status = CommitmentStatus.Submitted },
        FulfilmentClaimed e => state with { Status = CommitmentStatus.Claimed, ClaimedAt = e.At },
        FulfilmentAssessed e => state with
        {
            Status = e.Assessment switch
            {
                Assessment.Verified => CommitmentStatus.Verified,
                Assessment.Disputed => CommitmentStatus.Disputed,
                Assessment.PartiallyFulfilled => CommitmentStatus.PartiallyFulfilled,
                _ => CommitmentStatus.NotFulfilled,
            },
            VerifiedAt = e.Assessment == Assessment.Verified ? e.At : state.VerifiedAt,
            Percent = e.Assessment == Assessment.Verified ? 100 : state.Percent,
        },
        CommitmentWithdrawn => state with { Status = CommitmentStatus.Withdrawn },
        DeadlineAmended e => state with
        {
            Deadline = e.Deadline,
            Amendments = state.Amendments + 1,
            // Overdue belongs to the deadline that passed; a later deadline is a fresh one.
            OverdueSince = state.OverdueSince is { } passed && passed >= e.Deadline.Date ? passed : null,
        },
        Requestioned e => state with { RequestionedIn = state.RequestionedIn.Add(e.SittingId) },
        OwnerReminded e => state with { Reminders = state.Reminders.Add((e.Deadline, e.DaysBefore)) },
        DeadlinePassed e => state with { OverdueSince = e.Deadline },
        _ => state,
    };

    private static Decision<CommitmentEvent> Refuse(ErrorKind kind, string code, string message) =>
        Decision<CommitmentEvent>.Refuse(kind, code, message);

    private static Decision<CommitmentEvent> Make(MakeCommitment c, CommitmentState state)
    {
        if (c.Provenance.Problem() is { } incomplete)
        {
            return Refuse(ErrorKind.Invalid, "provenance_incomplete", incomplete);
        }

        if (!c.Actor.HoldsAny(c.Provenance.BodyId, Role.Secretariat, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat of the body may record a commitment.");
        }

        if (state.Exists)
        {
            return state.CommitmentId == c.CommitmentId && state.Provenance == c.Provenance && state.Text == Texts.Clean(c.Text)
                ? Decision<CommitmentEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "commitment_exists", "Another commitment was already made under this id.");
        }

        switch (c.Owners.Count)
        {
            case 0:
                return Refuse(ErrorKind.Invalid, "owner_required", "A commitment has one responsible agency: name it.");
            case > 1:
                return Refuse(ErrorKind.Invalid, "one_owner", "A commitment has exactly one responsible agency: name the lead one, and say in the expected result who assists.");
        }

        var owner = c.Owners[0];
        if (!Texts.HasContent(owner.AgencyId) || !Texts.HasContent(owner.AgencyName))
        {
            return Refuse(ErrorKind.Invalid, "owner_required", "A commitment has one responsible agency: name it.");
        }

        if (!Texts.Fits(c.Text, MaxText))
        {
            return Refuse(ErrorKind.Invalid, "commitment_text", $"Say what was promised, in 1 to {MaxText} characters.");
        }

        if (c.ExpectedResult is { } expected && expected.Length > MaxText)
        {
            return Refuse(ErrorKind.Invalid, "expected_result", $"The expected result takes at most {MaxText} characters.");
        }

        if (c.Deadline is not { } deadline)
        {
            return Refuse(ErrorKind.Invalid, "deadline_required", "A commitment has a deadline: a date, or a session before which it is kept.");
        }

        if (CommitmentDeadline.Problem(deadline.Date, VietnamTime.Today(c.Now)) is { } badDeadline)
        {
            return badDeadline;
        }

        return Decision<CommitmentEvent>.Accept(new CommitmentMade(
            c.CommitmentId, c.Kind, c.Provenance, owner with { AgencyId = Texts.Clean(owner.AgencyId), AgencyName = Texts.Clean(owner.AgencyName) },
            Texts.Clean(c.Text), Texts.CleanOrNull(c.ExpectedResult),
            deadline, c.RecordedBy ?? c.Actor.Ref, c.Now));
    }

    private static DomainError? Officer(CommitmentCommand c, CommitmentState state, string what) =>
        c.Actor.Grants.Any(g => g.Role == Role.AgencyOfficer && g.BodyId == state.Provenance!.BodyId && g.PersonId == state.Owner!.AgencyId)
            ? null
            : new DomainError(ErrorKind.Forbidden, "owner_officer_required", $"Only an officer of {state.Owner!.AgencyName} may {what}.");

    private static DomainError? Open(CommitmentState state) =>
        state.IsClosed
            ? new DomainError(ErrorKind.Conflict, "commitment_closed", $"The commitment is {Describe(state.Status)}; nothing more can be reported on it.")
            : null;

    private static DomainError? Evidence(IReadOnlyList<string> evidence) =>
        evidence.Count > MaxEvidence || evidence.Any(e => !Texts.IsLink(e))
            ? new DomainError(ErrorKind.Invalid, "evidence_links", $"Evidence is up to {MaxEvidence} http or https addresses.")
            : null;

    private static Decision<CommitmentEvent> Report(ReportProgress c, CommitmentState state)
    {
        if (Officer(c, state, "report progress") is { } denied)
        {
            return denied;
        }

        if (state.Reports.Contains(c.ReportId))
        {
            return Decision<CommitmentEvent>.Nothing;
        }

        if (Open(state) is { } closed)
        {
            return closed;
        }

        if (!Texts.Fits(c.Markdown, MaxMarkdown))
        {
            return Refuse(ErrorKind.Invalid, "report_text", $"Say what was done, in 1 to {MaxMarkdown} characters.");
        }

        if (Evidence(c.Evidence) is { } badEvidence)
        {
            return badEvidence;
        }

        if (c.Percent is < 0 or > 100)
        {
            return Refuse(ErrorKind.Invalid, "percent", "Progress is a percentage from 0 to 100.");
        }

        return Decision<CommitmentEvent>.Accept(new ProgressReported(c.ReportId, c.Markdown, [.. c.Evidence], c.Percent, c.Actor.Ref, c.Now));
    }

    private static Decision<CommitmentEvent> Submit(SubmitToAuthority c, CommitmentState state)
    {
        if (Officer(c, state, "report a submission") is { } denied)
        {
            return denied;
        }

        if (Open(state) is { } closed)
        {
            return closed;
        }

        if (!Texts.Fits(c.Authority, 300))
        {
            return Refuse(ErrorKind.Invalid, "authority_required", "Name the authority it was submitted to, in at most 300 characters.");
        }

        if (c.Note is { Length: > MaxReason })
        {
            return Refuse(ErrorKind.Invalid, "note_too_long", $"A note takes at most {MaxReason} characters.");
        }

        return state.Status == CommitmentStatus.Submitted
            ? Decision<CommitmentEvent>.Nothing
            : Decision<CommitmentEvent>.Accept(new SubmittedToAuthority(Texts.Clean(c.Authority), Texts.CleanOrNull(c.Note), c.Actor.Ref, c.Now));
    }

    private static Decision<CommitmentEvent> Claim(ClaimFulfilment c, CommitmentState state)
    {
        if (Officer(c, state, "say it is fulfilled") is { } denied)
        {
            return denied;
        }

        if (Open(state) is { } closed)
        {
            return closed;
        }

        if (state.Status == CommitmentStatus.Claimed)
        {
            return Refuse(ErrorKind.Conflict, "already_claimed", "Fulfilment is already claimed and waits for the questioner or the supervising committee.");
        }

        if (!Texts.Fits(c.Markdown, MaxMarkdown))
        {
            return Refuse(ErrorKind.Invalid, "report_text", $"Say what was done, in 1 to {MaxMarkdown} characters.");
        }

        if (Evidence(c.Evidence) is { } badEvidence)
        {
            return badEvidence;
        }

        return Decision<CommitmentEvent>.Accept(new FulfilmentClaimed(c.Markdown, [.. c.Evidence], c.Actor.Ref, c.Now));
    }

    private static Decision<CommitmentEvent> Assess(AssessFulfilment c, CommitmentState state)
    {
        var body = state.Provenance!.BodyId;
        var questioner = state.Provenance.QuestionerId is { } deputy
            && c.Actor.Grants.Any(g => g.Role == Role.Deputy && g.BodyId == body && g.PersonId == deputy);
        if (!questioner && !c.Actor.Holds(Role.Supervisor, body))
        {
            return Refuse(ErrorKind.Forbidden, "assessor_required", "Only the deputy who asked, or the body's supervising committee, may assess a commitment.");
        }

        if (Open(state) is { } closed)
        {
            return closed;
        }

        if (!Texts.Fits(c.Note, MaxReason))
        {
            return Refuse(ErrorKind.Invalid, "note_required", $"Give the finding's reasons, in 1 to {MaxReason} characters.");
        }

        var claimed = state.Status == CommitmentStatus.Claimed;
        var allowed = c.Assessment switch
        {
            Assessment.Verified or Assessment.Disputed => claimed,
            // Partly or not kept: on a claim, or once the deadline has passed without one.
            _ => claimed || state.OverdueSince is not null || state.Status is CommitmentStatus.Disputed or CommitmentStatus.PartiallyFulfilled,
        };
        if (!allowed)
        {
            return Refuse(ErrorKind.Conflict, "nothing_to_assess", c.Assessment is Assessment.Verified or Assessment.Disputed
                ? "There is nothing to verify or dispute until the owner says the commitment is fulfilled."
                : "A commitment is found partly or not kept on a claim of fulfilment, or after its deadline has passed.");
        }

        return Decision<CommitmentEvent>.Accept(new FulfilmentAssessed(c.Assessment, Texts.Clean(c.Note), c.Actor.Ref, c.Now));
    }

    private static DomainError? BodyStep(CommitmentCommand c, CommitmentState state, string what) =>
        c.Actor.HoldsAny(state.Provenance!.BodyId, Role.Supervisor, Role.Secretariat)
            ? null
            : new DomainError(ErrorKind.Forbidden, "role_required", $"Only the supervising committee or the secretariat of the body may {what}.");

    private static Decision<CommitmentEvent> Withdraw(WithdrawCommitment c, CommitmentState state)
    {
        if (BodyStep(c, state, "withdraw a commitment") is { } denied)
        {
            return denied;
        }

        if (state.Status == CommitmentStatus.Withdrawn)
        {
            return Decision<CommitmentEvent>.Nothing;
        }

        if (Open(state) is { } closed)
        {
            return closed;
        }

        return Texts.Fits(c.Reason, MaxReason)
            ? Decision<CommitmentEvent>.Accept(new CommitmentWithdrawn(Texts.Clean(c.Reason), c.Actor.Ref, c.Now))
            : Refuse(ErrorKind.Invalid, "reason_required", $"Say why it is withdrawn, in 1 to {MaxReason} characters.");
    }

    private static Decision<CommitmentEvent> Amend(AmendDeadline c, CommitmentState state)
    {
        if (BodyStep(c, state, "amend a deadline") is { } denied)
        {
            return denied;
        }

        if (Open(state) is { } closed)
        {
            return closed;
        }

        if (!Texts.Fits(c.Reason, MaxReason))
        {
            return Refuse(ErrorKind.Invalid, "reason_required", $"Say why the deadline moves, in 1 to {MaxReason} characters.");
        }

        if (CommitmentDeadline.Problem(c.Deadline.Date, VietnamTime.Today(c.Now)) is { } badDeadline)
        {
            return badDeadline;
        }

        return c.Deadline == state.Deadline
            ? Decision<CommitmentEvent>.Nothing
            : Decision<CommitmentEvent>.Accept(new DeadlineAmended(state.Deadline!, c.Deadline, Texts.Clean(c.Reason), c.Actor.Ref, c.Now));
    }

    private static Decision<CommitmentEvent> Link(LinkRequestioning c, CommitmentState state)
    {
        if (!c.Actor.HoldsAny(state.Provenance!.BodyId, Role.Secretariat, Role.Chair, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat or the chair of the body may put a commitment on a sitting's agenda.");
        }

        if (state.Status == CommitmentStatus.Withdrawn)
        {
            return Refuse(ErrorKind.Conflict, "commitment_closed", "A withdrawn commitment is not questioned again.");
        }

        return state.RequestionedIn.Contains(c.SittingId)
            ? Decision<CommitmentEvent>.Nothing
            : Decision<CommitmentEvent>.Accept(new Requestioned(c.SittingId, c.ClusterId, c.Actor.Ref, c.Now));
    }

    private static Decision<CommitmentEvent> Milestones(RunMilestones c, CommitmentState state) =>
        c.Actor.Holds(Role.Admin, state.Provenance!.BodyId)
            ? Decision<CommitmentEvent>.Accept(CommitmentMilestones.Due(state, c.Now))
            : Refuse(ErrorKind.Forbidden, "system_only", "Deadlines are run by the system.");

    private static string Describe(CommitmentStatus status) => status switch
    {
        CommitmentStatus.Verified => "verified as fulfilled",
        CommitmentStatus.NotFulfilled => "found not fulfilled",
        CommitmentStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };
}
