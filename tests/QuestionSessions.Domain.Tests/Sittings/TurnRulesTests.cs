using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class TurnRulesTests
{
    private static StartTurn Turn(SittingScenario s, TurnKind kind, Guid? registrationId = null, string? speakerId = null) =>
        new(Guid.CreateVersion7(), kind, registrationId, speakerId, Chair, s.Now);

    [Fact]
    public void Opening_before_the_first_question_is_given_to_the_main_respondent()
    {
        var s = InBudget();

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Opening))));

        Assert.Equal(Finance.OfficialId, started.SpeakerId);
        Assert.Equal(Finance.Name, started.SpeakerName);
        Assert.Equal(Budget, started.ClusterId);
        Assert.Equal(s.Now, started.At);
    }

    [Fact]
    public void Opening_after_a_question_conflicts()
    {
        var s = InBudget();
        s.Ask("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Opening)), ErrorKind.Conflict, "opening_not_allowed");
    }

    [Fact]
    public void Opening_twice_conflicts()
    {
        var s = InBudget();
        s.Speak(TurnKind.Opening);

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Opening)), ErrorKind.Conflict, "opening_not_allowed");
    }

    [Fact]
    public void Question_by_a_called_deputy_asks_her_question()
    {
        var s = InBudget();
        var registration = s.Register("d1");
        s.Call();

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Question, registration))));

        Assert.Equal("d1", started.SpeakerId);
        Assert.Equal([s.QuestionOf(registration).QuestionId], started.QuestionIds);
        Assert.Equal(QuestionStatus.Asked, s.QuestionOf(registration).Status);
        Assert.Equal(RegistrationStatus.Spoke, s.State.Registration(registration)!.Status);
        Assert.Empty(s.State.Cluster(Budget)!.Called);
    }

    [Fact]
    public void Question_by_a_deputy_not_yet_called_conflicts()
    {
        var s = InBudget();
        var registration = s.Register("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Question, registration)), ErrorKind.Conflict, "speaker_not_called");
    }

    [Fact]
    public void Question_by_a_deputy_who_already_spoke_conflicts()
    {
        var s = InBudget();
        var registration = s.Ask("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Question, registration)), ErrorKind.Conflict, "speaker_not_called");
    }

    [Fact]
    public void Question_for_a_registration_in_another_cluster_is_not_found()
    {
        var s = InBudget();
        var elsewhere = s.Register("d1", clusterId: Hospitals);

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Question, elsewhere)), ErrorKind.NotFound, "registration_not_found");
    }

    [Fact]
    public void Question_without_a_registration_is_not_found()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Question)), ErrorKind.NotFound, "registration_not_found");
    }

    [Fact]
    public void Answer_without_a_question_called_is_refused()
    {
        var s = InBudget();
        s.Register("d1");
        s.Call();

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Answer)), ErrorKind.Conflict, "no_question_to_answer");
    }

    [Fact]
    public void Answer_after_one_question_answers_it()
    {
        var s = InBudget();
        var registration = s.Ask("d1");

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Answer))));

        Assert.Equal(Finance.OfficialId, started.SpeakerId);
        Assert.Equal([s.QuestionOf(registration).QuestionId], started.QuestionIds);
        Assert.Equal(QuestionStatus.Answered, s.QuestionOf(registration).Status);
    }

    [Fact]
    public void Answer_after_several_questions_answers_them_all()
    {
        var s = InBudget();
        var registrations = new[] { s.Register("d1"), s.Register("d2"), s.Register("d3") };
        s.Call();
        foreach (var registration in registrations)
        {
            s.Speak(TurnKind.Question, registration);
        }

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Answer))));

        Assert.Equal(registrations.Select(r => s.QuestionOf(r).QuestionId), started.QuestionIds);
        Assert.All(registrations, r => Assert.Equal(QuestionStatus.Answered, s.QuestionOf(r).Status));
    }

    [Fact]
    public void Answer_twice_without_a_new_question_is_refused()
    {
        var s = InBudget();
        s.Ask("d1");
        s.Speak(TurnKind.Answer);

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Answer)), ErrorKind.Conflict, "no_question_to_answer");
    }

    [Fact]
    public void Answer_by_a_related_respondent_before_being_invited_is_refused()
    {
        var s = InBudget();
        s.Ask("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Answer, speakerId: StateBank.OfficialId)), ErrorKind.Conflict, "respondent_not_invited");
    }

    [Fact]
    public void Answer_by_an_invited_related_respondent_is_accepted()
    {
        var s = InBudget();
        var registration = s.Ask("d1");
        s.Do(new InviteRelatedRespondent(StateBank.OfficialId, Chair, s.Now));

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Answer, speakerId: StateBank.OfficialId))));

        Assert.Equal(StateBank.Name, started.SpeakerName);
        Assert.Equal(QuestionStatus.Answered, s.QuestionOf(registration).Status);
    }

    [Fact]
    public void Answer_by_an_official_outside_the_cluster_is_refused()
    {
        var s = InBudget();
        s.Ask("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Answer, speakerId: Health.OfficialId)), ErrorKind.Conflict, "respondent_not_invited");
    }

    [Fact]
    public void Clarification_without_an_invitation_is_refused()
    {
        var s = InBudget();
        s.Ask("d1");

        var decision = s.Try(Turn(s, TurnKind.Clarification, speakerId: Construction.OfficialId));

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "respondent_not_invited");
    }

    [Fact]
    public void Clarification_by_an_invited_related_respondent_after_a_question_is_accepted()
    {
        var s = InBudget();
        s.Ask("d1");
        s.Do(new InviteRelatedRespondent(Construction.OfficialId, Chair, s.Now));

        var started = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Clarification, speakerId: Construction.OfficialId))));

        Assert.Equal(Construction.OfficialId, started.SpeakerId);
    }

    [Fact]
    public void Clarification_before_any_question_is_refused()
    {
        var s = InBudget();
        s.Do(new InviteRelatedRespondent(Construction.OfficialId, Chair, s.Now));

        var decision = s.Try(Turn(s, TurnKind.Clarification, speakerId: Construction.OfficialId));

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "no_question_to_answer");
    }

    [Fact]
    public void Clarification_by_the_main_respondent_is_not_found()
    {
        var s = InBudget();
        s.Ask("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Clarification, speakerId: Finance.OfficialId)), ErrorKind.NotFound, "respondent_not_related");
    }

    [Fact]
    public void InviteRelatedRespondent_by_a_deputy_is_forbidden()
    {
        var s = InBudget();

        var decision = s.Try(new InviteRelatedRespondent(StateBank.OfficialId, Actors.Deputy("d1"), s.Now));

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void InviteRelatedRespondent_outside_the_cluster_is_not_found()
    {
        var s = InBudget();

        var decision = s.Try(new InviteRelatedRespondent(Health.OfficialId, Chair, s.Now));

        DecisionAssert.Refused(decision, ErrorKind.NotFound, "respondent_not_related");
    }

    [Fact]
    public void InviteRelatedRespondent_twice_is_a_no_op()
    {
        var s = InBudget();
        s.Do(new InviteRelatedRespondent(StateBank.OfficialId, Chair, s.Now));

        DecisionAssert.NoOp(s.Try(new InviteRelatedRespondent(StateBank.OfficialId, Chair, s.Now)));
    }

    [Fact]
    public void Debate_before_any_answer_is_refused()
    {
        var s = InBudget();
        var registration = s.Ask("d1");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Debate, registration)), ErrorKind.Conflict, "nothing_to_debate");
    }

    [Fact]
    public void Debate_by_a_deputy_who_did_not_ask_in_the_cluster_is_refused()
    {
        var s = InBudget();
        s.Ask("d1");
        s.Speak(TurnKind.Answer);
        var onlyRegistered = s.Register("d2");

        DecisionAssert.Refused(s.Try(Turn(s, TurnKind.Debate, onlyRegistered)), ErrorKind.Conflict, "debate_requires_question");
    }

    [Fact]
    public void Debate_after_an_answer_lets_the_respondent_answer_again()
    {
        var s = InBudget();
        var registration = s.Ask("d1");
        s.Speak(TurnKind.Answer);

        var debate = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Debate, registration))));
        s.End(debate.TurnId, TimeSpan.FromSeconds(40));

        Assert.Equal("d1", debate.SpeakerId);
        var reply = Assert.IsType<TurnStarted>(Assert.Single(s.Do(Turn(s, TurnKind.Answer))));
        Assert.Equal(Finance.OfficialId, reply.SpeakerId);
    }
}
