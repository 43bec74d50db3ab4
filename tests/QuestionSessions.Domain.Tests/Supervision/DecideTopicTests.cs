using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class DecideTopicTests
{
    private static Decision<SupervisionEvent> Fresh(DecideTopic command) => SupervisionDecider.Decide(command, SupervisionDecider.Initial);

    [Fact]
    public void A_topic_is_decided_with_its_scope_its_supervisor_and_the_agencies_it_supervises()
    {
        var decided = Assert.IsType<SupervisionTopicDecided>(Assert.Single(Fresh(Decide()).Events));
        Assert.Equal([Health, Insurance], decided.Supervised);

        var state = Decided();
        Assert.Equal(SupervisionStage.Decided, state.Stage);
        Assert.Equal(Body, state.BodyId);
        Assert.Equal(Term, state.Term);
        Assert.Equal("Nghị quyết số 12/NQ-HĐND", state.DecisionReference);
        Assert.Equal("Ban Văn hóa - Xã hội HĐND thành phố", state.AssignedTo);
        Assert.Equal(PlanDueBy, state.PlanDueBy);
        Assert.Equal(Now, state.DecidedAt);
        Assert.Equal(Now, state.UpdatedAt);
        Assert.Equal("supervision", SupervisionDecider.Category);
    }

    [Fact]
    public void Text_is_trimmed_and_a_blank_decision_reference_is_none()
    {
        var command = Decide(title: "  Thuốc tại trạm y tế  ", supervised: [Health with { AgencyName = " Sở Y tế Hà Nội " }], reference: "  ");
        var state = Apply(SupervisionDecider.Initial, command);
        Assert.Equal("Thuốc tại trạm y tế", state.Title);
        Assert.Equal("Sở Y tế Hà Nội", Assert.Single(state.Supervised).AgencyName);
        Assert.Null(state.DecisionReference);
    }

    [Fact]
    public void Empty_or_too_long_texts_are_refused()
    {
        DecisionAssert.Refused(Fresh(Decide(title: "\u200b ")), ErrorKind.Invalid, "topic_title");
        DecisionAssert.Refused(Fresh(Decide(title: new string('t', SupervisionDecider.MaxTitle + 1))), ErrorKind.Invalid, "topic_title");
        DecisionAssert.Refused(Fresh(Decide() with { ScopeMarkdown = new string('s', SupervisionDecider.MaxScope + 1) }), ErrorKind.Invalid, "topic_scope");
        DecisionAssert.Refused(Fresh(Decide() with { AssignedTo = "" }), ErrorKind.Invalid, "assigned_to");
        DecisionAssert.Refused(Fresh(Decide(reference: new string('r', SupervisionDecider.MaxReference + 1))), ErrorKind.Invalid, "decision_reference");
        DecisionAssert.Refused(Fresh(Decide() with { BodyId = " " }), ErrorKind.Invalid, "body_required");
    }

    [Fact]
    public void One_to_fifty_distinct_and_complete_agencies_are_supervised()
    {
        DecisionAssert.Refused(Fresh(Decide(supervised: [])), ErrorKind.Invalid, "supervised_agencies");
        var many = Enumerable.Range(1, SupervisionDecider.MaxSupervised + 1).Select(i => new SupervisedAgency($"hn-a-{i}", $"Sở số {i}", Body)).ToList();
        DecisionAssert.Refused(Fresh(Decide(supervised: many)), ErrorKind.Invalid, "supervised_agencies");
        Assert.Null(Fresh(Decide(supervised: many[..SupervisionDecider.MaxSupervised])).Error);
        DecisionAssert.Refused(Fresh(Decide(supervised: [Health, Health with { AgencyId = " hn-a-health " }])), ErrorKind.Invalid, "supervised_agencies");
        DecisionAssert.Refused(Fresh(Decide(supervised: [Health with { AgencyBodyId = "" }])), ErrorKind.Invalid, "supervised_agencies");
        DecisionAssert.Refused(Fresh(Decide(supervised: [Health with { AgencyName = "\t" }])), ErrorKind.Invalid, "supervised_agencies");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(16)]
    public void The_plan_is_due_after_the_decision_day_and_within_fifteen_days(int days)
    {
        DecisionAssert.Refused(Fresh(Decide(planDueBy: Today.AddDays(days))), ErrorKind.Invalid, "plan_due_by");
    }

    [Fact]
    public void The_secretariat_the_chair_or_an_admin_decides_and_nobody_else()
    {
        Assert.Null(Fresh(Decide(by: Actors.Chair(Body))).Error);
        Assert.Null(Fresh(Decide(by: Actors.Admin)).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Supervisor(), Officer(), Actors.Secretariat("pc-hue"), Actors.Chair("na")])
        {
            DecisionAssert.Refused(Fresh(Decide(by: actor)), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void Deciding_it_again_is_a_no_op_and_another_topic_under_the_id_is_refused()
    {
        DecisionAssert.NoOp(SupervisionDecider.Decide(Decide(), Decided()));
        DecisionAssert.NoOp(SupervisionDecider.Decide(Decide(by: Actors.Chair(Body)), Decided()));
        DecisionAssert.Refused(SupervisionDecider.Decide(Decide(title: "Chủ đề khác"), Decided()), ErrorKind.Conflict, "topic_exists");
        DecisionAssert.Refused(SupervisionDecider.Decide(Decide(supervised: [Health]), Decided()), ErrorKind.Conflict, "topic_exists");
        DecisionAssert.Refused(SupervisionDecider.Decide(Decide(planDueBy: PlanDueBy.AddDays(-1)), Decided()), ErrorKind.Conflict, "topic_exists");
    }

    [Fact]
    public void Every_other_step_needs_a_decided_topic()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Plan(), SupervisionDecider.Initial), ErrorKind.NotFound, "topic_not_found");
        DecisionAssert.Refused(SupervisionDecider.Decide(Report(), SupervisionDecider.Initial), ErrorKind.NotFound, "topic_not_found");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, Now), SupervisionDecider.Initial), ErrorKind.NotFound, "topic_not_found");
    }
}
