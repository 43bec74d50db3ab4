using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class PetitionMilestonesTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);

    /// <summary>Deadline 30 January 2027: reminded from 23 January, overdue from 31 January, Hanoi time.</summary>
    private static readonly DateTimeOffset SevenBefore = new(2027, 1, 23, 0, 0, 0, Hanoi);

    private static readonly DateTimeOffset Passed = new(2027, 1, 31, 0, 0, 0, Hanoi);

    private static PetitionState Tick(PetitionState state, DateTimeOffset at) => Apply(state, new RunPetitionMilestones(Actor.System, at));

    [Fact]
    public void The_agency_is_reminded_7_days_before_and_the_petition_is_overdue_when_the_deadline_day_ends()
    {
        var state = Routed();
        Assert.Equal(SevenBefore, PetitionMilestones.Next(state, Now));
        Assert.Empty(PetitionMilestones.Due(state, SevenBefore.AddTicks(-1)));

        var reminder = Assert.IsType<PetitionAgencyReminded>(Assert.Single(PetitionMilestones.Due(state, SevenBefore)));
        Assert.Equal(Agency, reminder.AgencyId);
        state = Tick(state, SevenBefore);
        Assert.Contains((Deadline, 7), state.Reminders);
        Assert.Equal(Passed, PetitionMilestones.Next(state, SevenBefore));

        Assert.Empty(PetitionMilestones.Due(state, Passed.AddTicks(-1))); // 23:59:59 on the deadline day, Hanoi time
        Assert.False(state.IsOverdue);
        state = Tick(state, Passed);
        Assert.Equal(Deadline, state.OverdueSince);
        Assert.True(state.IsOverdue);
        Assert.Null(PetitionMilestones.Next(state, Passed));
    }

    [Fact]
    public void Asking_twice_or_late_records_each_milestone_once()
    {
        var reminded = Tick(Routed(), SevenBefore.AddHours(1));
        DecisionAssert.NoOp(Decide(new RunPetitionMilestones(Actor.System, SevenBefore.AddHours(2)), reminded));
        Assert.Empty(PetitionMilestones.Due(reminded, SevenBefore.AddDays(2)));

        // A silo down from before the reminder until long after the deadline: overdue, and no late reminder.
        var late = Decide(new RunPetitionMilestones(Actor.System, Passed.AddDays(90)), Routed());
        Assert.IsType<PetitionOverdue>(Assert.Single(late.Events));
        var overdue = Tick(Routed(), Passed.AddDays(90));
        Assert.Empty(PetitionMilestones.Due(overdue, Passed.AddDays(91)));
        Assert.Empty(overdue.Reminders);
    }

    [Fact]
    public void A_petition_routed_within_the_last_week_gets_no_reminder_but_still_goes_overdue()
    {
        var routedLate = Apply(Filed(), Route(deadline: new DateOnly(2026, 12, 4), at: Now));
        Assert.Empty(PetitionMilestones.Due(routedLate, new DateTimeOffset(2026, 12, 2, 0, 0, 0, Hanoi)));
        Assert.IsType<PetitionOverdue>(Assert.Single(PetitionMilestones.Due(routedLate, new DateTimeOffset(2026, 12, 5, 0, 0, 0, Hanoi))));
    }

    [Fact]
    public void An_answer_stops_the_clock_and_the_overdue_petition_answered_late_stays_late()
    {
        var answered = Answered();
        Assert.Empty(PetitionMilestones.Due(answered, Passed));
        Assert.Null(PetitionMilestones.Next(answered, Now.AddDays(21)));

        var overdue = Tick(Routed(), Passed);
        var lateAnswer = Apply(overdue, AnswerWith(PetitionOutcome.Explained, Passed.AddDays(3)));
        Assert.False(lateAnswer.IsOverdue);
        Assert.True(lateAnswer.AnsweredLate);
        Assert.Equal(Deadline, lateAnswer.OverdueSince);
        Assert.Empty(PetitionMilestones.Due(lateAnswer, Passed.AddDays(30)));
    }

    [Fact]
    public void Nothing_runs_before_routing_or_for_a_merged_petition()
    {
        Assert.Empty(PetitionMilestones.Due(Filed(), Passed));
        Assert.Null(PetitionMilestones.Next(Filed(), Now));
        Assert.Null(PetitionMilestones.Next(PetitionState.Empty, Now));
        DecisionAssert.NoOp(Decide(new RunPetitionMilestones(Actor.System, Passed), Filed()));
    }

    [Fact]
    public void A_reroute_gives_a_fresh_deadline_with_fresh_reminders()
    {
        var overdue = Tick(Tick(Routed(), SevenBefore), Passed);
        var newDeadline = new DateOnly(2027, 3, 31);
        var reroute = new ReroutePetition(PetitionLevel.Local, "hue-a-health", "Sở Y tế Huế", "pc-hue", newDeadline, "Thuộc thẩm quyền địa phương", Supervisor(), Passed.AddDays(1));
        var rerouted = Apply(overdue, reroute);
        Assert.Null(rerouted.OverdueSince);
        Assert.False(rerouted.IsOverdue);
        Assert.Empty(rerouted.Reminders);

        var newSevenBefore = new DateTimeOffset(2027, 3, 24, 0, 0, 0, Hanoi);
        Assert.Equal(newSevenBefore, PetitionMilestones.Next(rerouted, Passed.AddDays(1)));
        var reminded = Tick(rerouted, newSevenBefore);
        var reminder = Assert.IsType<PetitionAgencyReminded>(Assert.Single(Decide(new RunPetitionMilestones(Actor.System, newSevenBefore), rerouted).Events));
        Assert.Equal("hue-a-health", reminder.AgencyId);
        Assert.Contains((newDeadline, 7), reminded.Reminders);
        var newOverdue = Tick(reminded, new DateTimeOffset(2027, 4, 1, 0, 0, 0, Hanoi));
        Assert.Equal(newDeadline, newOverdue.OverdueSince);
    }

    [Fact]
    public void A_reroute_in_the_last_week_sends_no_late_reminder_and_the_new_agency_goes_overdue_on_its_own_deadline()
    {
        var reminded = Tick(Routed(), SevenBefore);
        var reroute = new ReroutePetition(
            PetitionLevel.Central, "na-a-construction", "Bộ Xây dựng", Actors.NationalAssembly, Deadline, "Gửi nhầm cơ quan", Supervisor(), SevenBefore.AddDays(1));
        var rerouted = Apply(reminded, reroute);
        Assert.Empty(PetitionMilestones.Due(rerouted, SevenBefore.AddDays(2)));
        var overdue = Assert.IsType<PetitionOverdue>(Assert.Single(PetitionMilestones.Due(rerouted, Passed)));
        Assert.Equal("na-a-construction", overdue.AgencyId);
    }

    [Fact]
    public void Only_the_system_runs_milestones()
    {
        foreach (var actor in (Actor[])[Supervisor(), Actors.Secretariat(), Officer(), Voter, Actors.Anonymous])
        {
            DecisionAssert.Refused(Decide(new RunPetitionMilestones(actor, Passed), Routed()), ErrorKind.Forbidden, "system_only");
        }

        DecisionAssert.Refused(Decide(new RunPetitionMilestones(Actor.System, Passed), PetitionDecider.Initial), ErrorKind.NotFound, "petition_not_found");
    }
}
