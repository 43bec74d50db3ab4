using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Explanations;

/// <summary>
/// When a request's deadlines act, on the Asia/Ho_Chi_Minh calendar: while it waits for acknowledgement the
/// acknowledge-by day runs, once accepted the explain-by day. The agency is reminded at the start of the day
/// <see cref="ReminderDaysBefore"/> days before, and the request is overdue from the start of the day after
/// (the deadline day is whole). Each happens once per date: a redirect or an extension sets a new date with
/// its own reminder and its own overdue. Pure: the reminder asks what is due at a given time.
/// </summary>
public static class ExplanationMilestones
{
    public const int ReminderDaysBefore = 3;

    /// <summary>What has come due by <paramref name="now"/> and not happened yet.</summary>
    public static IReadOnlyList<ExplanationEvent> Due(ExplanationState state, DateTimeOffset now)
    {
        if (Running(state) is not { } running)
        {
            return [];
        }

        var (deadline, date, setAt, overdueSince) = running;
        var agency = state.Agency!.AgencyId;
        if (now >= CommitmentMilestones.OverdueAt(date))
        {
            if (overdueSince == date)
            {
                return [];
            }

            return deadline == ExplanationDeadline.Acknowledge
                ? [new ExplanationAcknowledgementOverdue(date, agency, now)]
                : [new ExplanationOverdue(date, agency, now)];
        }

        // No reminder for a date set within the reminder's reach: the agency has just been told it.
        var remindAt = ReminderAt(date);
        return now >= remindAt && setAt < remindAt && !state.Reminders.Contains((deadline, date))
            ? [new ExplanationAgencyReminded(deadline, date, agency, now)]
            : [];
    }

    /// <summary>The next instant after <paramref name="now"/> at which something may come due, or null when nothing can.</summary>
    public static DateTimeOffset? Next(ExplanationState state, DateTimeOffset now)
    {
        if (Running(state) is not { Date: var date })
        {
            return null;
        }

        DateTimeOffset[] instants = [ReminderAt(date), CommitmentMilestones.OverdueAt(date)];
        return instants.Where(i => i > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();
    }

    private static DateTimeOffset ReminderAt(DateOnly date) => CommitmentMilestones.StartOf(date.AddDays(-ReminderDaysBefore));

    /// <summary>The deadline running now, its date, when that date was set, and the date already found overdue.</summary>
    private static (ExplanationDeadline Deadline, DateOnly Date, DateTimeOffset SetAt, DateOnly? OverdueSince)? Running(ExplanationState state) =>
        state.Status switch
        {
            ExplanationStatus.Received when state.AcknowledgeBy is { } by =>
                (ExplanationDeadline.Acknowledge, by, state.AcknowledgeClockFrom, state.AcknowledgementOverdueSince),
            ExplanationStatus.Accepted when state.ExplainBy is { } by =>
                (ExplanationDeadline.Explain, by, state.ExplainClockFrom!.Value, state.ExplanationOverdueSince),
            _ => null,
        };
}
