using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class CloseSittingTests
{
    /// <summary>18:30 UTC on 20 November is 01:30 on 21 November in Hà Nội.</summary>
    private static readonly DateTimeOffset LateEvening = new(2026, 11, 20, 18, 30, 0, TimeSpan.Zero);

    [Fact]
    public void CloseSitting_closes_the_open_cluster_first()
    {
        var s = InBudget();

        var events = s.Do(new CloseSitting(Chair, s.Now));

        Assert.Collection(
            events,
            e => Assert.Equal(Budget, Assert.IsType<ClusterClosed>(e).ClusterId),
            e => Assert.IsType<SittingClosed>(e));
        Assert.Equal(SittingStatus.Closed, s.State.Status);
        Assert.Equal(ClusterStatus.Closed, s.State.Cluster(Budget)!.Status);
        Assert.Null(s.State.OpenClusterId);
    }

    [Fact]
    public void CloseSitting_sets_written_answers_due_from_the_vietnam_date()
    {
        var s = InBudget();
        var waiting = s.Register("d1");
        s.Now = LateEvening;

        var events = s.Do(new CloseSitting(Chair, s.Now));

        var required = Assert.Single(events.OfType<WrittenAnswerRequired>());
        var question = s.QuestionOf(waiting);
        Assert.Equal(question.QuestionId, required.QuestionId);
        Assert.Equal("d1", required.DeputyId);
        Assert.Equal(Finance, required.Respondent);
        Assert.Equal(WrittenAnswerReason.NotReached, required.Reason);
        // 21 November in Vietnam + 20 days, not 20 November + 20.
        Assert.Equal(new DateOnly(2026, 12, 11), required.DueBy);
        Assert.Equal(QuestionStatus.WrittenAnswerDue, question.Status);
        Assert.Equal(new DateOnly(2026, 12, 11), question.WrittenAnswerDueBy);
        Assert.Equal(RegistrationStatus.NotReached, s.State.Registration(waiting)!.Status);
    }

    [Fact]
    public void CloseSitting_gives_slips_without_a_cluster_the_outside_clusters_reason()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", clusterId: null, Health);
        s.Do(new OpenSitting(Chair, s.Now));

        var required = Assert.Single(s.Do(new CloseSitting(Chair, s.Now)).OfType<WrittenAnswerRequired>());

        Assert.Equal(slip, required.QuestionId);
        Assert.Equal(WrittenAnswerReason.OutsideClusters, required.Reason);
        Assert.Equal(Health, required.Respondent);
    }

    [Fact]
    public void CloseSitting_requires_written_answers_for_slips_of_clusters_never_opened()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", Hospitals, Health);
        s.Do(new OpenSitting(Chair, s.Now));

        var required = Assert.Single(s.Do(new CloseSitting(Chair, s.Now)).OfType<WrittenAnswerRequired>());

        Assert.Equal(slip, required.QuestionId);
        Assert.Equal(WrittenAnswerReason.NotReached, required.Reason);
    }

    [Fact]
    public void CloseSitting_requires_a_written_answer_for_a_question_asked_but_not_answered()
    {
        var s = InBudget();
        var asked = s.Ask("d1");

        var required = Assert.Single(s.Do(new CloseSitting(Chair, s.Now)).OfType<WrittenAnswerRequired>());

        Assert.Equal(s.QuestionOf(asked).QuestionId, required.QuestionId);
        Assert.Equal(WrittenAnswerReason.NotReached, required.Reason);
    }

    [Fact]
    public void CloseSitting_requires_no_written_answer_for_answered_questions()
    {
        var s = InBudget();
        var answered = s.Ask("d1");
        s.Speak(TurnKind.Answer);

        var events = s.Do(new CloseSitting(Chair, s.Now));

        Assert.Empty(events.OfType<WrittenAnswerRequired>());
        Assert.Equal(QuestionStatus.Answered, s.QuestionOf(answered).Status);
        Assert.Null(s.QuestionOf(answered).WrittenAnswerDueBy);
    }

    [Fact]
    public void CloseSitting_twice_is_a_no_op()
    {
        var s = InBudget();
        s.Register("d1");
        s.Do(new CloseSitting(Chair, s.Now));

        DecisionAssert.NoOp(s.Try(new CloseSitting(Chair, s.Now.AddHours(1))));
    }

    [Fact]
    public void CloseSitting_while_a_turn_runs_conflicts()
    {
        var s = InBudget();
        s.Start(TurnKind.Opening);

        DecisionAssert.Refused(s.Try(new CloseSitting(Chair, s.Now)), ErrorKind.Conflict, "turn_running");
    }

    [Fact]
    public void CloseSitting_not_yet_opened_conflicts()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new CloseSitting(Chair, s.Now)), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void CloseSitting_by_the_secretariat_is_forbidden()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new CloseSitting(Actors.Secretariat(), s.Now)), ErrorKind.Forbidden, "role_required");
    }
}
