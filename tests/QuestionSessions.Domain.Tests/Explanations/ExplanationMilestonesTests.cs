using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class ExplanationMilestonesTests
{
    // Acknowledge by Monday 9 March: reminder from the start of Friday 6 March, overdue from the start of Tuesday 10 March.
    private static readonly DateTimeOffset AcknowledgeReminder = At(3, 6);
    private static readonly DateTimeOffset AcknowledgeOverdue = At(3, 10);

    // Explain by Thursday 19 March: reminder from Monday 16 March, overdue from Friday 20 March.
    private static readonly DateTimeOffset ExplainReminder = At(3, 16);
    private static readonly DateTimeOffset ExplainOverdue = At(3, 20);

    private static ExplanationState Tick(ExplanationState state, DateTimeOffset at) => Apply(state, new RunExplanationMilestones(Actor.System, at));

    [Fact]
    public void The_agency_is_reminded_3_days_before_acknowledging_and_it_is_overdue_once_the_day_ends_in_Vietnam()
    {
        var state = Filed();
        Assert.Equal(AcknowledgeReminder, ExplanationMilestones.Next(state, Now));
        Assert.Empty(ExplanationMilestones.Due(state, AcknowledgeReminder.AddTicks(-1)));

        state = Tick(state, AcknowledgeReminder);
        Assert.Contains((ExplanationDeadline.Acknowledge, AcknowledgeBy), state.Reminders);
        Assert.Equal(AcknowledgeOverdue, ExplanationMilestones.Next(state, AcknowledgeReminder));

        Assert.Empty(ExplanationMilestones.Due(state, AcknowledgeOverdue.AddTicks(-1))); // 23:59:59 on 9 March in Hà Nội
        var due = Assert.IsType<ExplanationAcknowledgementOverdue>(Assert.Single(ExplanationMilestones.Due(state, AcknowledgeOverdue)));
        Assert.Equal(Agency.AgencyId, due.AgencyId);
        state = Tick(state, AcknowledgeOverdue);
        Assert.True(state.AcknowledgementOverdue);
        Assert.Equal(AcknowledgeBy, state.AcknowledgementOverdueSince);
        Assert.Null(ExplanationMilestones.Next(state, AcknowledgeOverdue));
    }

    [Fact]
    public void A_tick_that_fires_twice_or_late_records_each_milestone_once()
    {
        var reminded = Tick(Filed(), AcknowledgeReminder.AddHours(1));
        DecisionAssert.NoOp(ExplanationDecider.Decide(new RunExplanationMilestones(Actor.System, AcknowledgeReminder.AddHours(2)), reminded));
        Assert.Empty(ExplanationMilestones.Due(Tick(reminded, AcknowledgeOverdue), AcknowledgeOverdue.AddDays(1)));

        // A silo down from filing until long after the day: overdue only, no late reminder.
        var late = ExplanationDecider.Decide(new RunExplanationMilestones(Actor.System, At(4, 20)), Filed());
        Assert.IsType<ExplanationAcknowledgementOverdue>(Assert.Single(late.Events));
    }

    [Fact]
    public void Once_accepted_the_explain_by_day_runs_with_its_own_reminder_and_overdue()
    {
        var state = Accepted();
        Assert.Empty(ExplanationMilestones.Due(state, AcknowledgeOverdue)); // the acknowledgement clock stopped
        Assert.Equal(ExplainReminder, ExplanationMilestones.Next(state, AcceptedOn));

        state = Tick(state, ExplainReminder);
        Assert.Contains((ExplanationDeadline.Explain, ExplainBy), state.Reminders);
        state = Tick(state, ExplainOverdue);
        Assert.Equal(ExplainBy, state.ExplanationOverdueSince);
        Assert.True(state.ExplanationIsOverdue);
        Assert.Empty(ExplanationMilestones.Due(state, ExplainOverdue.AddDays(5)));
        Assert.Null(ExplanationMilestones.Next(state, ExplainOverdue));
    }

    [Fact]
    public void An_extension_gives_the_new_day_its_own_reminder_and_overdue_once_each()
    {
        var reminded = Tick(Accepted(), ExplainReminder);
        var extended = Apply(reminded, new ExtendExplanation(new DateOnly(2026, 4, 3), "Cần xác minh thêm.", Officer(), At(3, 17, 9)));
        Assert.Empty(ExplanationMilestones.Due(extended, ExplainOverdue)); // the old day no longer counts
        Assert.Equal(At(3, 31), ExplanationMilestones.Next(extended, ExplainOverdue));

        var state = Tick(extended, At(3, 31));
        Assert.Contains((ExplanationDeadline.Explain, new DateOnly(2026, 4, 3)), state.Reminders);
        DecisionAssert.NoOp(ExplanationDecider.Decide(new RunExplanationMilestones(Actor.System, At(3, 31, 5)), state));
        state = Tick(state, At(4, 4));
        Assert.Equal(new DateOnly(2026, 4, 3), state.ExplanationOverdueSince);
        DecisionAssert.NoOp(ExplanationDecider.Decide(new RunExplanationMilestones(Actor.System, At(4, 30)), state));
    }

    [Fact]
    public void A_redirect_restarts_the_acknowledgement_clock_at_the_new_agency()
    {
        var overdue = Tick(Filed(), AcknowledgeOverdue);
        var redirected = Apply(overdue, RedirectToWard(At(3, 11, 9), new DateOnly(2026, 3, 18)));
        Assert.Empty(ExplanationMilestones.Due(redirected, At(3, 11, 10)));
        Assert.Equal(At(3, 15), ExplanationMilestones.Next(redirected, At(3, 11, 10)));

        var reminder = Assert.IsType<ExplanationAgencyReminded>(Assert.Single(ExplanationMilestones.Due(redirected, At(3, 15))));
        Assert.Equal(Ward.AgencyId, reminder.AgencyId);
        var state = Tick(Tick(redirected, At(3, 15)), At(3, 19));
        Assert.Equal(new DateOnly(2026, 3, 18), state.AcknowledgementOverdueSince);
        Assert.True(state.AcknowledgementOverdue);
        Assert.Empty(ExplanationMilestones.Due(state, At(3, 25)));
    }

    [Fact]
    public void A_day_set_within_3_days_gets_no_reminder_only_its_overdue()
    {
        // Accepted on Wednesday 4 March to explain by Friday 6 March: the agency has just set the day.
        var state = Apply(Filed(), Accept(explainBy: new DateOnly(2026, 3, 6)));
        Assert.Empty(ExplanationMilestones.Due(state, At(3, 5)));
        Assert.IsType<ExplanationOverdue>(Assert.Single(ExplanationMilestones.Due(state, At(3, 7))));
    }

    [Fact]
    public void Only_the_system_runs_milestones_and_a_refusal_or_an_explanation_stops_them()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(new RunExplanationMilestones(Officer(), AcknowledgeOverdue), Filed()), ErrorKind.Forbidden, "system_only");
        DecisionAssert.Refused(ExplanationDecider.Decide(new RunExplanationMilestones(Actors.Anonymous, AcknowledgeOverdue), Filed()), ErrorKind.Forbidden, "system_only");
        Assert.Single(ExplanationDecider.Decide(new RunExplanationMilestones(Actors.Admin, AcknowledgeOverdue), Filed()).Events);

        var refused = Apply(Filed(), new RefuseRequest(RefusalGround.AlreadyExplained, "Đã giải trình ngày 10/01/2026.", Officer(), At(3, 3, 9)));
        Assert.Empty(ExplanationMilestones.Due(refused, At(4, 1)));
        Assert.Null(ExplanationMilestones.Next(refused, At(3, 3, 9)));
        Assert.Empty(ExplanationMilestones.Due(Explained(), At(4, 1)));
        Assert.Null(ExplanationMilestones.Next(Explained(), At(3, 16, 9)));
    }
}
