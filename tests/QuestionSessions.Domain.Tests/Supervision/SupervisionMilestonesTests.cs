using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class SupervisionMilestonesTests
{
    /// <summary>00:00 on 17 December in Hanoi: the plan, due on the 16th, is overdue.</summary>
    private static readonly DateTimeOffset PlanLate = new(2026, 12, 17, 0, 0, 0, TimeSpan.FromHours(7));

    /// <summary>00:00 on 28 December in Hanoi: the draft report, due on the 27th, is overdue.</summary>
    private static readonly DateTimeOffset DraftLate = new(2026, 12, 28, 0, 0, 0, TimeSpan.FromHours(7));

    private static SupervisionState Tick(SupervisionState state, DateTimeOffset at) => Apply(state, new RunSupervisionMilestones(Actor.System, at));

    [Fact]
    public void No_plan_by_the_end_of_its_due_day_in_Vietnam_is_overdue_once()
    {
        var state = Decided();
        Assert.Equal(PlanLate, SupervisionMilestones.Next(state, Now));
        Assert.Empty(SupervisionMilestones.Due(state, PlanLate.AddTicks(-1))); // 23:59:59 on the due day, Hanoi time

        var overdue = Tick(state, PlanLate);
        Assert.True(overdue.PlanOverdue);
        Assert.Null(SupervisionMilestones.Next(overdue, PlanLate));
        DecisionAssert.NoOp(SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, PlanLate.AddHours(1)), overdue));
        DecisionAssert.NoOp(SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, PlanLate.AddDays(90)), overdue));

        // The late plan goes out afterwards: still late, and nothing more falls due for it.
        var sent = Apply(overdue, Plan(sessions: [new DateOnly(2027, 1, 5)], at: PlanLate.AddDays(1)));
        Assert.True(sent.PlanLate);
        Assert.Empty(SupervisionMilestones.Due(sent, PlanLate.AddDays(2)));
    }

    [Fact]
    public void A_plan_sent_in_time_never_falls_due_and_a_late_one_is_overdue_even_when_the_reminder_comes_after_it()
    {
        Assert.Empty(SupervisionMilestones.Due(Planned(), PlanLate.AddDays(30)));
        Assert.Null(SupervisionMilestones.Next(Planned(), Now.AddDays(2)));

        var lateNoTick = Apply(Decided(), Plan(sessions: [new DateOnly(2027, 1, 5)], at: PlanLate.AddHours(10)));
        var due = Assert.IsType<SupervisionPlanOverdue>(Assert.Single(SupervisionMilestones.Due(lateNoTick, PlanLate.AddDays(3))));
        Assert.Equal(PlanDueBy, due.PlanDueBy);
        Assert.True(Tick(lateNoTick, PlanLate.AddDays(3)).PlanOverdue);
    }

    [Fact]
    public void No_finding_by_seven_days_after_the_last_visit_is_overdue_once()
    {
        var state = InFieldwork();
        Assert.Equal(DraftLate, SupervisionMilestones.Next(state, On(VisitDate.AddDays(1))));
        Assert.Empty(SupervisionMilestones.Due(state, DraftLate.AddTicks(-1)));

        var overdue = Tick(state, DraftLate);
        Assert.Equal(VisitDate.AddDays(7), overdue.DraftOverdueFor);
        DecisionAssert.NoOp(SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, DraftLate.AddDays(10)), overdue));

        // Another visit moves the draft's due day: it may fall due again, for the new day.
        var again = Apply(overdue, Visit(Guid.NewGuid(), new DateOnly(2026, 12, 29), On(new DateOnly(2026, 12, 29))));
        var next = new DateTimeOffset(2027, 1, 6, 0, 0, 0, TimeSpan.FromHours(7));
        Assert.Equal(next, SupervisionMilestones.Next(again, On(new DateOnly(2026, 12, 29))));
        Assert.Equal(new DateOnly(2027, 1, 5), Assert.IsType<DraftReportOverdue>(Assert.Single(SupervisionMilestones.Due(again, next))).DraftDueBy);
    }

    [Fact]
    public void A_finding_in_time_stops_the_draft_deadline()
    {
        Assert.Empty(SupervisionMilestones.Due(Reporting(), DraftLate.AddDays(30)));
        Assert.Null(SupervisionMilestones.Next(Reporting(), On(new DateOnly(2026, 12, 24))));
    }

    [Fact]
    public void A_reminder_after_a_long_gap_records_every_missed_deadline_once_in_the_order_they_fell_due()
    {
        var state = Apply(Decided(), Plan(sessions: [new DateOnly(2027, 1, 5)], at: PlanLate.AddHours(10)));
        state = Apply(state, new RequestSupplement(Health.AgencyId, "Bổ sung số liệu", new DateOnly(2026, 12, 20), Supervisor(), On(new DateOnly(2026, 12, 18))));
        state = Apply(state, Visit(date: new DateOnly(2026, 12, 19), at: On(new DateOnly(2026, 12, 19))));

        var due = SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, On(new DateOnly(2027, 2, 1))), state).Events;
        Assert.Collection(due,
            e => Assert.IsType<SupervisionPlanOverdue>(e),
            e => Assert.Equal(new DateOnly(2026, 12, 20), Assert.IsType<SupplementOverdue>(e).DueBy),
            e => Assert.Equal(new DateOnly(2026, 12, 26), Assert.IsType<DraftReportOverdue>(e).DraftDueBy));

        var ticked = due.Aggregate(state, SupervisionDecider.Evolve);
        Assert.Empty(SupervisionMilestones.Due(ticked, On(new DateOnly(2027, 3, 1))));
        Assert.Null(SupervisionMilestones.Next(ticked, On(new DateOnly(2027, 2, 1))));
    }

    [Fact]
    public void Only_the_system_runs_milestones_and_a_closed_topic_has_none()
    {
        foreach (var actor in (Actor[])[Actors.Secretariat(Body), Supervisor(), Actors.Anonymous, Actors.Holding(Role.Admin, "pc-hue")])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(new RunSupervisionMilestones(actor, PlanLate), Decided()), ErrorKind.Forbidden, "system_only");
        }

        Assert.Null(SupervisionDecider.Decide(new RunSupervisionMilestones(Actors.Holding(Role.Admin, Body), PlanLate), Decided()).Error);
        var closed = Closed() with { PlanOverdue = false, PlanSentAt = null };
        Assert.Empty(SupervisionMilestones.Due(closed, PlanLate.AddDays(100)));
        Assert.Null(SupervisionMilestones.Next(closed, Now));
        Assert.Empty(SupervisionMilestones.Due(SupervisionState.Empty, PlanLate));
    }
}
