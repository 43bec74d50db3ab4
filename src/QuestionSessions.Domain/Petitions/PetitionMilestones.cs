using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Petitions;

/// <summary>
/// When a routed petition's deadline acts, on the Asia/Ho_Chi_Minh calendar: the agency is reminded at the
/// start of the day 7 days before the deadline, and the petition is overdue from the start of the day after
/// it. Each happens once per deadline; an answer stops the clock; a reroute starts a fresh one. Pure.
/// </summary>
public static class PetitionMilestones
{
    public const int ReminderDaysBefore = 7;

    /// <summary>The instant the agency is reminded of <paramref name="deadline"/>.</summary>
    public static DateTimeOffset ReminderAt(DateOnly deadline) => CommitmentMilestones.StartOf(deadline.AddDays(-ReminderDaysBefore));

    /// <summary>What has come due by <paramref name="now"/> and not happened yet.</summary>
    public static IReadOnlyList<PetitionEvent> Due(PetitionState state, DateTimeOffset now)
    {
        if (Running(state) is not { } routing)
        {
            return [];
        }

        var deadline = routing.Deadline;
        if (now >= CommitmentMilestones.OverdueAt(deadline))
        {
            // A silo down past the deadline records overdue, not a late reminder.
            return state.OverdueSince == deadline ? [] : [new PetitionOverdue(routing.AgencyId, deadline, now)];
        }

        var remindAt = ReminderAt(deadline);
        return now >= remindAt && !state.Reminders.Contains((deadline, ReminderDaysBefore)) && state.RoutedAt < remindAt
            ? [new PetitionAgencyReminded(routing.AgencyId, ReminderDaysBefore, deadline, now)]
            : [];
    }

    /// <summary>The next instant after <paramref name="now"/> at which something may come due, or null when nothing can.</summary>
    public static DateTimeOffset? Next(PetitionState state, DateTimeOffset now)
    {
        if (Running(state) is not { } routing)
        {
            return null;
        }

        DateTimeOffset[] instants = [ReminderAt(routing.Deadline), CommitmentMilestones.OverdueAt(routing.Deadline)];
        return instants.Where(i => i > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }

    /// <summary>The routing whose clock runs: routed, not answered, not merged.</summary>
    private static PetitionRouting? Running(PetitionState state) =>
        state.Status == PetitionStatus.Routed ? state.Routing : null;
}
