using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Supervision;

/// <summary>
/// When a supervision's deadlines act, on the Asia/Ho_Chi_Minh calendar, each from the start of the day after
/// its due day: the plan (15 days after the decision), each supplement request (5 days), and the draft report
/// (7 days after the last field visit). What counts is whether the step came in time, not when the reminder
/// runs: a reminder that fires late, after a late step, still records that the day passed without it, and
/// one that fires twice records nothing the second time.
/// </summary>
public static class SupervisionMilestones
{
    /// <summary>What has come due by <paramref name="now"/> and not been recorded, in the order it came due.</summary>
    public static IReadOnlyList<SupervisionEvent> Due(SupervisionState state, DateTimeOffset now) =>
        [.. Pending(state, now).Where(p => p.At <= now).OrderBy(p => p.At).Select(p => p.Event)];

    /// <summary>The next instant after <paramref name="now"/> at which something may come due, or null when nothing can.</summary>
    public static DateTimeOffset? Next(SupervisionState state, DateTimeOffset now) =>
        Pending(state, now).Select(p => p.At).Where(at => at > now).Order().Cast<DateTimeOffset?>().FirstOrDefault();

    /// <summary>Every deadline not yet recorded as missed and not met in time, with the instant it is missed.</summary>
    private static IEnumerable<(DateTimeOffset At, SupervisionEvent Event)> Pending(SupervisionState state, DateTimeOffset now)
    {
        if (!state.Exists || state.IsClosed)
        {
            yield break;
        }

        var planLate = CommitmentMilestones.OverdueAt(state.PlanDueBy);
        if (!state.PlanOverdue && !(state.PlanSentAt < planLate))
        {
            yield return (planLate, new SupervisionPlanOverdue(state.PlanDueBy, now));
        }

        foreach (var request in state.SupplementRequests.Where(r => !r.Overdue && !(r.FulfilledOn <= r.DueBy)).DistinctBy(r => (r.AgencyId, r.DueBy)))
        {
            yield return (CommitmentMilestones.OverdueAt(request.DueBy), new SupplementOverdue(request.AgencyId, request.DueBy, now));
        }

        if (state.DraftDueBy is { } draft && state.DraftOverdueFor != draft)
        {
            var draftLate = CommitmentMilestones.OverdueAt(draft);
            if (!(state.FirstFindingAt < draftLate))
            {
                yield return (draftLate, new DraftReportOverdue(draft, now));
            }
        }
    }
}
