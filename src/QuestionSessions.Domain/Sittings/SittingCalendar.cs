namespace QuestionSessions.Domain.Sittings;

/// <summary>A sitting's place on the calendar after it was scheduled: moved, before it opens, with a public reason.</summary>
public sealed partial class SittingDecider
{
    private static Decision<SittingEvent> Reschedule(RescheduleSitting c, SittingState state)
    {
        if (Requires(c, state, "reschedule the sitting", Role.Secretariat, Role.Admin) is { } denied)
        {
            return denied;
        }

        if (state.Status != SittingStatus.Scheduled)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_scheduled", "Only a sitting that has not opened can be rescheduled.");
        }

        if (c.StartsAt == state.StartsAt)
        {
            return Decision<SittingEvent>.Nothing;
        }

        if (c.StartsAt < c.Now)
        {
            return Refuse(ErrorKind.Invalid, "starts_in_past", "A sitting cannot be rescheduled to start in the past.");
        }

        if (!Texts.IsLine(c.Reason, MaxTitleLength))
        {
            return Refuse(ErrorKind.Invalid, "reason_required", $"Say why the sitting moves: one line of at most {MaxTitleLength} characters.");
        }

        if (c.Rules is null)
        {
            return Refuse(ErrorKind.Conflict, "no_rules_profile", "The body has no rules profile in force on that date.");
        }

        if (c.Rules.Problem() is { } problem)
        {
            return Refuse(ErrorKind.Invalid, "rules_profile_invalid", problem);
        }

        return Decision<SittingEvent>.Accept(new SittingRescheduled(c.StartsAt, state.StartsAt, c.Rules, Texts.Clean(c.Reason), c.Actor.Ref, c.Now));
    }
}
