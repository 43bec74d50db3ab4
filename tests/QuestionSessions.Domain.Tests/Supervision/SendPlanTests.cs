using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class SendPlanTests
{
    [Fact]
    public void The_plan_goes_out_with_its_programme_and_the_topic_is_planned()
    {
        var sent = Assert.IsType<SupervisionPlanSent>(Assert.Single(SupervisionDecider.Decide(Plan(sessions: [.. Sessions.Reverse()]), Decided()).Events));
        Assert.Equal(Sessions, sent.WorkingSessions); // in date order
        Assert.False(sent.Late);
        Assert.Equal(0, sent.Amendment);
        Assert.Equal(Today.AddDays(2), sent.ProgrammeSentOn);

        var state = Planned();
        Assert.Equal(SupervisionStage.Planned, state.Stage);
        Assert.Equal(Now.AddDays(2), state.PlanSentAt);
        Assert.Equal(Sessions, state.WorkingSessions);
        Assert.False(state.PlanLate);
    }

    [Fact]
    public void A_plan_sent_after_its_due_day_is_recorded_as_late()
    {
        Assert.False(Apply(Decided(), Plan(sessions: [PlanDueBy.AddDays(11)], at: On(PlanDueBy).AddHours(13))).PlanLate); // 23:00 on the due day
        var late = Apply(Decided(), Plan(sessions: [PlanDueBy.AddDays(11)], at: On(PlanDueBy.AddDays(1))));
        Assert.True(late.PlanLate);
    }

    [Fact]
    public void A_working_session_less_than_ten_days_after_the_programme_is_refused()
    {
        var sendOn = Today.AddDays(2);
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sessions: [sendOn.AddDays(9)]), Decided()), ErrorKind.Invalid, "programme_too_late");
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sessions: [sendOn.AddDays(30), sendOn]), Decided()), ErrorKind.Invalid, "programme_too_late");
        Assert.Null(SupervisionDecider.Decide(Plan(sessions: [sendOn.AddDays(10)]), Decided()).Error);
    }

    [Fact]
    public void A_programme_sent_earlier_counts_its_notice_from_the_day_it_was_sent_but_never_before_the_decision_or_after_today()
    {
        var sendOn = Today.AddDays(2);
        Assert.Null(SupervisionDecider.Decide(Plan(sessions: [sendOn.AddDays(8)], sentOn: Today), Decided()).Error);
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sentOn: Today.AddDays(-1)), Decided()), ErrorKind.Conflict, "programme_before_decision");
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sentOn: sendOn.AddDays(1)), Decided()), ErrorKind.Invalid, "programme_sent_on");
    }

    [Fact]
    public void The_programme_has_one_to_thirty_distinct_working_days_and_an_outline()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sessions: []), Decided()), ErrorKind.Invalid, "working_sessions");
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sessions: [Sessions[0], Sessions[0]]), Decided()), ErrorKind.Invalid, "working_sessions");
        var many = Enumerable.Range(0, SupervisionDecider.MaxWorkingSessions + 1).Select(i => Sessions[0].AddDays(i)).ToList();
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(sessions: many), Decided()), ErrorKind.Invalid, "working_sessions");
        Assert.Null(SupervisionDecider.Decide(Plan(sessions: many[..SupervisionDecider.MaxWorkingSessions]), Decided()).Error);
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(outline: " "), Decided()), ErrorKind.Invalid, "plan_outline");
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(outline: new string('o', SupervisionDecider.MaxOutline + 1)), Decided()), ErrorKind.Invalid, "plan_outline");
    }

    [Fact]
    public void An_amended_plan_is_a_new_event_that_keeps_the_first_dates_and_kept_sessions_keep_their_notice()
    {
        // On 15 December the first session (20 December) is five days off: kept as it was, while a new one needs ten days.
        var amend = Plan(sessions: [Sessions[0], new DateOnly(2027, 1, 12)], at: On(new DateOnly(2026, 12, 15)));
        var amended = Apply(Planned(), amend);
        Assert.Equal(1, amended.PlanAmendments);
        Assert.Equal(Now.AddDays(2), amended.PlanSentAt);
        Assert.False(amended.PlanLate);
        Assert.Equal([Sessions[0], new DateOnly(2027, 1, 12)], amended.WorkingSessions);

        DecisionAssert.Refused(
            SupervisionDecider.Decide(Plan(sessions: [new DateOnly(2026, 12, 22)], at: On(new DateOnly(2026, 12, 15))), Planned()),
            ErrorKind.Invalid, "programme_too_late");
        Assert.Equal(2, Apply(amended, Plan(outline: "Đề cương sửa đổi lần 2", sessions: amended.WorkingSessions, at: On(new DateOnly(2026, 12, 16)))).PlanAmendments);
    }

    [Fact]
    public void Sending_the_same_plan_again_is_a_no_op_and_the_plan_is_fixed_once_fieldwork_begins()
    {
        DecisionAssert.NoOp(SupervisionDecider.Decide(Plan(), Planned()));
        DecisionAssert.NoOp(SupervisionDecider.Decide(Plan(at: Now.AddDays(3)), Planned()));
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(outline: "Đề cương khác", at: On(VisitDate.AddDays(2))), InFieldwork()), ErrorKind.Conflict, "stage_passed");
    }

    [Fact]
    public void The_supervising_committee_the_secretariat_or_an_admin_sends_the_plan_and_nobody_else()
    {
        Assert.Null(SupervisionDecider.Decide(Plan(by: Actors.Secretariat(Body)), Decided()).Error);
        Assert.Null(SupervisionDecider.Decide(Plan(by: Actors.Admin), Decided()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Secretariat("na")])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Plan(by: actor), Decided()), ErrorKind.Forbidden, "role_required");
        }
    }
}
