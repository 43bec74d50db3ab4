using QuestionSessions.Domain.Commitments;
using static QuestionSessions.Domain.Tests.Commitments.CommitmentScript;

namespace QuestionSessions.Domain.Tests.Commitments;

public sealed class CommitmentMilestonesTests
{
    private static readonly DateTimeOffset ThirtyBefore = new(2027, 3, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset SevenBefore = new(2027, 3, 24, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Passed = new(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private static CommitmentState Tick(CommitmentState state, DateTimeOffset at) => Apply(state, new RunMilestones(Actor.System, at));

    [Fact]
    public void Reminders_come_30_and_7_days_before_and_overdue_the_moment_the_deadline_day_ends_in_Vietnam()
    {
        var state = Made();
        Assert.Equal(ThirtyBefore, CommitmentMilestones.Next(state, Now));
        Assert.Empty(CommitmentMilestones.Due(state, ThirtyBefore.AddTicks(-1)));

        state = Tick(state, ThirtyBefore);
        Assert.Contains((Deadline, 30), state.Reminders);
        Assert.Equal(SevenBefore, CommitmentMilestones.Next(state, ThirtyBefore));

        state = Tick(state, SevenBefore);
        Assert.Contains((Deadline, 7), state.Reminders);
        Assert.Equal(Passed, CommitmentMilestones.Next(state, SevenBefore));

        Assert.Empty(CommitmentMilestones.Due(state, Passed.AddTicks(-1))); // 23:59:59 on the deadline day, Hanoi time
        state = Tick(state, Passed);
        Assert.Equal(Deadline, state.OverdueSince);
        Assert.Null(CommitmentMilestones.Next(state, Passed));
    }

    [Fact]
    public void A_tick_that_fires_twice_or_late_records_each_milestone_once()
    {
        var state = Tick(Made(), ThirtyBefore.AddHours(1));
        var again = CommitmentDecider.Decide(new RunMilestones(Actor.System, ThirtyBefore.AddHours(2)), state);
        DecisionAssert.NoOp(again);

        // A silo down from before the 7-day mark until after the deadline: overdue, and no late reminders.
        var late = CommitmentDecider.Decide(new RunMilestones(Actor.System, Passed.AddDays(3)), state);
        Assert.IsType<DeadlinePassed>(Assert.Single(late.Events));
    }

    [Fact]
    public void Only_the_system_runs_milestones_and_a_claim_or_a_close_stops_them()
    {
        DecisionAssert.Refused(CommitmentDecider.Decide(new RunMilestones(Supervisor(), Passed), Made()), ErrorKind.Forbidden, "system_only");
        Assert.Empty(CommitmentMilestones.Due(Claimed(), Passed));
        var withdrawn = Apply(Made(), new WithdrawCommitment("Chính sách đã thay đổi", Supervisor(), Now.AddDays(1)));
        Assert.Null(CommitmentMilestones.Next(withdrawn, Now.AddDays(1)));
    }

    [Fact]
    public void An_amended_deadline_gets_its_own_reminders_and_clears_overdue()
    {
        var overdue = Tick(Made(), Passed);
        var amended = Apply(overdue, new AmendDeadline(new CommitmentDeadline(new DateOnly(2027, 9, 30)), "Gia hạn theo Nghị quyết", Supervisor(), Passed.AddDays(1)));
        Assert.Null(amended.OverdueSince);
        var reminded = Tick(amended, new DateTimeOffset(2027, 8, 31, 0, 0, 0, TimeSpan.FromHours(7)));
        Assert.Contains((new DateOnly(2027, 9, 30), 30), reminded.Reminders);
    }
}
