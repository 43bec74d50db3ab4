using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class ScheduleSittingTests
{
    private static readonly DateTimeOffset Now = StartsAt.AddDays(-10);

    private static ScheduleSitting Command(
        Actor? by = null, IReadOnlyList<ClusterPlan>? clusters = null, DateTimeOffset? startsAt = null, RulesProfile? rules = null,
        Guid? sittingId = null, string title = "Phiên chất vấn", string body = Body) =>
        new(sittingId ?? Guid.CreateVersion7(), body, title, startsAt ?? StartsAt, rules ?? Rules,
            clusters ?? [BudgetPlan, HospitalsPlan], by ?? Actors.Secretariat(), Now);

    [Fact]
    public void Schedule_by_the_secretariat_of_the_body_is_accepted()
    {
        var command = Command(title: "  Phiên chất vấn  ");

        var decision = SittingDecider.Decide(command, SittingDecider.Initial);

        Assert.Null(decision.Error);
        var scheduled = Assert.IsType<SittingScheduled>(Assert.Single(decision.Events));
        Assert.Equal(command.SittingId, scheduled.SittingId);
        Assert.Equal(Body, scheduled.BodyId);
        Assert.Equal("Phiên chất vấn", scheduled.Title);
        Assert.Equal(Rules, scheduled.Rules);
        Assert.Equal("u-sec-na", scheduled.By.UserId);

        var state = SittingDecider.Evolve(SittingDecider.Initial, scheduled);
        Assert.Equal(SittingStatus.Scheduled, state.Status);
        Assert.Equal([Budget, Hospitals], state.Clusters.Select(c => c.ClusterId));
        Assert.All(state.Clusters, c => Assert.Equal(ClusterStatus.Pending, c.Status));
    }

    [Fact]
    public void Schedule_by_an_administrator_is_accepted()
    {
        var decision = SittingDecider.Decide(Command(by: Actors.Admin), SittingDecider.Initial);

        Assert.IsType<SittingScheduled>(Assert.Single(decision.Events));
    }

    [Theory]
    [InlineData(Role.Deputy, Body)]
    [InlineData(Role.Chair, Body)]
    [InlineData(Role.Respondent, Body)]
    [InlineData(Role.Chair, "pc-hue")]
    [InlineData(Role.Secretariat, "pc-hue")]
    public void Schedule_by_anyone_but_secretariat_or_admin_of_the_body_is_forbidden(Role role, string body)
    {
        var decision = SittingDecider.Decide(Command(by: Actors.Holding(role, body)), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void Schedule_without_clusters_is_invalid()
    {
        var decision = SittingDecider.Decide(Command(clusters: []), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "clusters_required");
    }

    [Fact]
    public void Schedule_with_repeated_cluster_ids_is_invalid()
    {
        var twin = HospitalsPlan with { ClusterId = Budget };

        var decision = SittingDecider.Decide(Command(clusters: [BudgetPlan, twin]), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "cluster_ids_repeat");
    }

    [Fact]
    public void Schedule_with_the_main_respondent_also_related_is_invalid()
    {
        var plan = BudgetPlan with { Related = [StateBank, Finance] };

        var decision = SittingDecider.Decide(Command(clusters: [plan]), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "respondents_repeat");
    }

    [Fact]
    public void Schedule_with_a_related_respondent_twice_is_invalid()
    {
        var plan = BudgetPlan with { Related = [StateBank, StateBank] };

        var decision = SittingDecider.Decide(Command(clusters: [plan]), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "respondents_repeat");
    }

    [Fact]
    public void Schedule_with_an_untitled_cluster_is_invalid()
    {
        var plan = HospitalsPlan with { Title = " " };

        var decision = SittingDecider.Decide(Command(clusters: [BudgetPlan, plan]), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "cluster_title_required");
    }

    [Fact]
    public void Schedule_without_a_title_is_invalid()
    {
        var decision = SittingDecider.Decide(Command(title: "  "), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "title_required");
    }

    [Fact]
    public void Schedule_on_a_day_without_rules_in_force_is_refused_after_the_role_and_the_start()
    {
        // The caller passes no rules when none are in force that day: whoever may not schedule, or asks for a start
        // already past, is told that first, whatever the day's rules.
        DecisionAssert.Refused(SittingDecider.Decide(Command() with { Rules = null }, SittingDecider.Initial), ErrorKind.Conflict, "no_rules_profile");
        DecisionAssert.Refused(
            SittingDecider.Decide(Command(startsAt: Now.AddMinutes(-1)) with { Rules = null }, SittingDecider.Initial), ErrorKind.Invalid, "starts_in_past");
        DecisionAssert.Refused(
            SittingDecider.Decide(Command(by: Actors.Chair()) with { Rules = null }, SittingDecider.Initial), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void Schedule_starting_in_the_past_is_invalid()
    {
        var decision = SittingDecider.Decide(Command(startsAt: Now.AddMinutes(-1)), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "starts_in_past");
    }

    [Fact]
    public void Schedule_with_an_invalid_rules_profile_is_invalid()
    {
        var decision = SittingDecider.Decide(Command(rules: Rules with { AnswerLimit = TimeSpan.Zero }), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "rules_profile_invalid");
    }

    [Fact]
    public void Schedule_repeated_is_a_no_op()
    {
        var command = Command();
        var state = SittingDecider.Evolve(SittingDecider.Initial, SittingDecider.Decide(command, SittingDecider.Initial).Events.Single());

        DecisionAssert.NoOp(SittingDecider.Decide(command, state));
    }

    [Fact]
    public void Schedule_again_with_another_title_conflicts()
    {
        var command = Command();
        var state = SittingDecider.Evolve(SittingDecider.Initial, SittingDecider.Decide(command, SittingDecider.Initial).Events.Single());

        var decision = SittingDecider.Decide(command with { Title = "Phiên khác" }, state);

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "sitting_exists");
    }

    [Fact]
    public void Schedule_again_for_another_body_is_not_taken_as_a_repeat()
    {
        var command = Command();
        var state = SittingDecider.Evolve(SittingDecider.Initial, SittingDecider.Decide(command, SittingDecider.Initial).Events.Single());

        // The secretariat of Huế must not be told that a National Assembly sitting is "its" sitting.
        var decision = SittingDecider.Decide(command with { BodyId = "pc-hue", Actor = Actors.Secretariat("pc-hue") }, state);

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "sitting_exists");
    }

    [Fact]
    public void Commands_before_scheduling_are_not_found()
    {
        var decision = SittingDecider.Decide(new OpenSitting(Chair, Now), SittingDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.NotFound, "sitting_not_found");
    }
}
