using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Petitions;

/// <summary>After the answer: reporting back to voters, their ratings, escalation, and the deadline's milestones.</summary>
public sealed partial class PetitionDecider
{
    private static Decision<PetitionEvent> ReportBack(ReportBackToVoters c, PetitionState state)
    {
        if (!c.Actor.HoldsAny(state.BodyId, Role.Secretariat, Role.Deputy, Role.Supervisor, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat, a deputy or the supervising committee of the body reports back to voters.");
        }

        if (state.LatestAnswerId is not { } answer)
        {
            return Refuse(ErrorKind.Conflict, "not_answered", "There is no answer to report back yet.");
        }

        return state.ReportedBack
            ? Decision<PetitionEvent>.Nothing
            : Decision<PetitionEvent>.Accept(new PetitionReportedBack(
                answer, Texts.Clean(c.Channel), Texts.CleanOrNull(c.Note), c.Actor.Ref, c.Now));
    }

    private static Decision<PetitionEvent> Rate(RatePetition c, PetitionState state)
    {
        // The agency does not grade its own answer.
        if (state.Routing is { } routing
            && c.Actor.Grants.Any(g => g.Role == Role.AgencyOfficer && g.BodyId == routing.AgencyBodyId && g.PersonId == routing.AgencyId))
        {
            return Refuse(ErrorKind.Forbidden, "rater_is_agency", "The answering agency's officers do not rate its answer.");
        }

        if (state.LatestAnswerId is not { } answer)
        {
            return Refuse(ErrorKind.Conflict, "not_answered", "There is no answer to rate yet.");
        }

        var key = Texts.Clean(c.RaterKey);
        if (IsFilerKey(key) && !state.Sources.Any(s => s.SourceId == FilerSource(key)))
        {
            return Refuse(ErrorKind.NotFound, "filer_unknown", "The filer's key names no source of this petition.");
        }

        var previous = state.Ratings.TryGetValue(key, out var rating) ? rating : (SatisfactionRating?)null;
        return previous == c.Rating
            ? Decision<PetitionEvent>.Nothing
            : Decision<PetitionEvent>.Accept(new PetitionRated(
                key, answer, c.Rating, previous, Texts.CleanOrNull(c.Comment), c.Now));
    }

    private static Decision<PetitionEvent> Escalate(EscalatePetition c, PetitionState state)
    {
        if (Classifier(c, state, "escalate a petition") is { } denied)
        {
            return denied;
        }

        if (state.Escalations.Any(e => e.TargetId == c.TargetId))
        {
            return Decision<PetitionEvent>.Nothing;
        }

        return IsUnsatisfactory(state, c.Now)
            ? Decision<PetitionEvent>.Accept(new PetitionEscalated(c.Target, c.TargetId, Texts.Clean(c.Reason), c.Actor.Ref, c.Now))
            : Refuse(ErrorKind.Conflict, "not_escalable", "Only a petition voters found unsatisfactory, or one overdue without an answer, is escalated.");
    }

    /// <summary>
    /// Voters found the latest answer unsatisfactory (an unsatisfied rating, and no more satisfied than
    /// unsatisfied), or the deadline has passed with no answer at all.
    /// </summary>
    public static bool IsUnsatisfactory(PetitionState state, DateTimeOffset now)
    {
        var unsatisfied = state.Count(SatisfactionRating.Unsatisfied);
        var rejected = unsatisfied > 0 && unsatisfied >= state.Count(SatisfactionRating.Satisfied);
        var overdue = !state.IsAnswered && state.Routing is { } routing && now >= CommitmentMilestones.OverdueAt(routing.Deadline);
        return rejected || overdue;
    }

    private static Decision<PetitionEvent> Milestones(RunPetitionMilestones c, PetitionState state) =>
        c.Actor.Holds(Role.Admin, state.BodyId)
            ? Decision<PetitionEvent>.Accept(PetitionMilestones.Due(state, c.Now))
            : Refuse(ErrorKind.Forbidden, "system_only", "Deadlines are run by the system.");
}
