using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Commitments;

/// <summary>
/// When a commitment's deadline acts, on the Asia/Ho_Chi_Minh calendar: the owner is reminded at the
/// start of the day 30 and 7 days before the deadline, and the commitment is overdue from the start of
/// the day after it (the deadline day is whole). Pure: the reminder asks what is due at a given time.
/// </summary>
public static class CommitmentMilestones
{
    public static readonly int[] ReminderDays = [30, 7];

    /// <summary>The instant a local date begins (the calendar's last representable instant for a date past it).</summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        date >= DateOnly.MaxValue.AddDays(-1) ? DateTimeOffset.MaxValue : new(date.ToDateTime(TimeOnly.MinValue), VietnamTime.Offset);

    /// <summary>The instant the commitment becomes overdue if not kept.</summary>
    public static DateTimeOffset OverdueAt(DateOnly deadline) => deadline == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOf(deadline.AddDays(1));

    /// <summary>What has come due by <paramref name="now"/> and not happened yet, in order.</summary>
    public static IReadOnlyList<CommitmentEvent> Due(CommitmentState state, DateTimeOffset now)
    {
        if (!state.Exists || state.IsClosed || state.Deadline is not { } deadline || state.Status == CommitmentStatus.Claimed)
        {
            return [];
        }

        var due = new List<CommitmentEvent>();
        if (now >= OverdueAt(deadline.Date))
        {
            if (state.OverdueSince != deadline.Date)
            {
                due.Add(new DeadlinePassed(deadline.Date, now));
            }

            return due;
        }

        // Only the latest reminder that has come due: a commitment made 10 days before its deadline, or a
        // silo that was down for a month, does not send a 30-day reminder late.
        foreach (var days in ReminderDays.OrderBy(d => d))
        {
            if (now >= StartOf(deadline.Date.AddDays(-days)))
            {
                if (!state.Reminders.Contains((deadline.Date, days)) && state.MadeAt < StartOf(deadline.Date.AddDays(-days)))
                {
                    due.Add(new OwnerReminded(days, deadline.Date, now));
                }

                break;
            }
        }

        return due;
    }

    /// <summary>The next instant after <paramref name="now"/> at which something may come due, or null when nothing can.</summary>
    public static DateTimeOffset? Next(CommitmentState state, DateTimeOffset now)
    {
        if (!state.Exists || state.IsClosed || state.Deadline is not { } deadline)
        {
            return null;
        }

        var instants = ReminderDays.Select(d => StartOf(deadline.Date.AddDays(-d))).Append(OverdueAt(deadline.Date));
        return instants.Where(i => i > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }
}
