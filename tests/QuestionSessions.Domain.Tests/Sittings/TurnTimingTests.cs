using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class TurnTimingTests
{
    private static StartTurn Turn(SittingScenario s, TurnKind kind, Guid? registrationId = null, string? speakerId = null) =>
        new(Guid.CreateVersion7(), kind, registrationId, speakerId, Chair, s.Now);

    [Fact]
    public void StartTurn_while_another_runs_conflicts()
    {
        var s = InBudget();
        s.Start(TurnKind.Opening);

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Closing)), ErrorKind.Conflict, "turn_running");
    }

    [Fact]
    public void StartTurn_repeated_while_it_runs_is_a_no_op()
    {
        var s = InBudget();
        var command = Turn(s, TurnKind.Opening);
        s.Do(command);

        DecisionAssert.NoOp(s.Try(command));
    }

    [Fact]
    public void StartTurn_reusing_the_id_of_an_ended_turn_conflicts()
    {
        var s = InBudget();
        var command = Turn(s, TurnKind.Opening);
        s.Do(command);
        s.End(command.TurnId, TimeSpan.FromMinutes(1));

        DecisionAssert.Refused(s.Try(command), ErrorKind.Conflict, "turn_exists");
    }

    [Fact]
    public void StartTurn_with_no_cluster_open_conflicts()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Opening)), ErrorKind.Conflict, "no_open_cluster");
    }

    [Fact]
    public void StartTurn_before_the_sitting_opens_conflicts()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Opening)), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void StartTurn_by_a_deputy_is_forbidden()
    {
        var s = InBudget();

        var decision = s.Try(Turn(s, TurnKind.Opening) with { Actor = Actors.Deputy("d1") });

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void StartTurn_of_an_unknown_kind_is_invalid()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Turn(s, (TurnKind)42)), ErrorKind.Invalid, "turn_kind");
    }

    [Fact]
    public void StartTurn_takes_each_limit_from_the_rules_profile()
    {
        var s = InBudget();
        var limits = new List<(TurnKind Kind, TimeSpan Limit)>();
        void Record(Guid turnId)
        {
            var turn = s.State.Turns.Single(t => t.TurnId == turnId);
            limits.Add((turn.Kind, turn.Limit));
        }

        Record(s.Speak(TurnKind.Opening));
        var registration = s.Register("d1");
        s.Call();
        Record(s.Speak(TurnKind.Question, registration));
        Record(s.Speak(TurnKind.Answer));
        s.Do(new InviteRelatedRespondent(StateBank.OfficialId, Chair, s.Now));
        Record(s.Speak(TurnKind.Clarification, speakerId: StateBank.OfficialId));
        Record(s.Speak(TurnKind.Debate, registration));
        Record(s.Speak(TurnKind.Closing));

        Assert.Equal(
            [
                (TurnKind.Opening, TimeSpan.FromMinutes(5)),
                (TurnKind.Question, TimeSpan.FromMinutes(1)),
                (TurnKind.Answer, TimeSpan.FromMinutes(3)),
                (TurnKind.Clarification, TimeSpan.FromMinutes(2)),
                (TurnKind.Debate, TimeSpan.FromSeconds(45)),
                (TurnKind.Closing, TimeSpan.FromMinutes(10)),
            ],
            limits);
    }

    [Fact]
    public void Closing_is_spoken_by_whoever_presides()
    {
        var s = InBudget();

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Closing))));

        Assert.Equal(Chair.UserId, started.SpeakerId);
    }

    [Fact]
    public void EndTurn_after_the_limit_records_the_overrun()
    {
        var s = InBudget();
        s.Ask("d1");
        var answer = s.Start(TurnKind.Answer);

        var ended = s.End(answer, TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(25));

        Assert.Equal(TimeSpan.FromSeconds(205), ended.Duration);
        Assert.Equal(TimeSpan.FromSeconds(25), ended.Overrun);
        Assert.Null(s.State.CurrentTurn);
        Assert.Equal(TimeSpan.FromSeconds(25), s.State.Turns[^1].Overrun);
    }

    [Fact]
    public void EndTurn_before_the_limit_records_no_overrun()
    {
        var s = InBudget();
        s.Ask("d1");
        var answer = s.Start(TurnKind.Answer);

        var ended = s.End(answer, TimeSpan.FromMinutes(2));

        Assert.Equal(TimeSpan.FromMinutes(2), ended.Duration);
        Assert.Equal(TimeSpan.Zero, ended.Overrun);
    }

    [Fact]
    public void EndTurn_exactly_at_the_limit_records_no_overrun()
    {
        var s = InBudget();
        var opening = s.Start(TurnKind.Opening);

        Assert.Equal(TimeSpan.Zero, s.End(opening, TimeSpan.FromMinutes(5)).Overrun);
    }

    [Fact]
    public void EndTurn_of_an_ended_turn_is_a_no_op()
    {
        var s = InBudget();
        var opening = s.Start(TurnKind.Opening);
        s.End(opening, TimeSpan.FromMinutes(1));

        DecisionAssert.NoOp(s.Try(new EndTurn(opening, Chair, s.Now.AddMinutes(1))));
        Assert.Single(s.State.Turns);
    }

    [Fact]
    public void EndTurn_of_an_unknown_turn_is_refused()
    {
        var s = InBudget();
        s.Start(TurnKind.Opening);

        DecisionAssert.Refused(s.Try(new EndTurn(Guid.CreateVersion7(), Chair, s.Now)), ErrorKind.Conflict, "turn_not_running");
    }

    [Fact]
    public void EndTurn_by_a_deputy_is_forbidden()
    {
        var s = InBudget();
        var opening = s.Start(TurnKind.Opening);

        DecisionAssert.Refused(s.Try(new EndTurn(opening, Actors.Deputy("d1"), s.Now)), ErrorKind.Forbidden, "role_required");
    }
}
