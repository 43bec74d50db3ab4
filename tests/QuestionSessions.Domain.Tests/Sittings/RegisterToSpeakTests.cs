using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class RegisterToSpeakTests
{
    private static RegisterToSpeak WithText(
        SittingScenario s, string deputy, Guid? clusterId = null, string? text = "Vì sao nợ đọng thuế tăng?") =>
        new(Guid.CreateVersion7(), clusterId ?? Budget, null, text, Guid.CreateVersion7(), Actors.Deputy(deputy), s.Now);

    private static RegisterToSpeak WithSlip(SittingScenario s, string deputy, Guid slip, Guid? clusterId = null) =>
        new(Guid.CreateVersion7(), clusterId ?? Budget, slip, null, Guid.CreateVersion7(), Actors.Deputy(deputy), s.Now);

    [Fact]
    public void Register_before_the_sitting_opens_conflicts()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(WithText(s, "d1")), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void Register_after_the_sitting_closed_conflicts()
    {
        var s = Opened();
        s.Do(new CloseSitting(Chair, s.Now));

        DecisionAssert.Refused(s.Try(WithText(s, "d1")), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void Register_with_own_slip_queues_that_slip()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", Budget, Finance);
        s.Now = StartsAt;
        s.Do(new OpenSitting(Chair, s.Now));
        var command = WithSlip(s, "d1", slip);

        var registered = Assert.IsType<SpeakerRegistered>(Assert.Single(s.Do(command)));

        Assert.Equal(slip, registered.QuestionId);
        Assert.Equal("d1", registered.DeputyId);
        Assert.Equal([command.RegistrationId], s.State.Cluster(Budget)!.Queue);
        Assert.Equal(RegistrationStatus.Waiting, s.State.Registration(command.RegistrationId)!.Status);
    }

    [Fact]
    public void Register_with_text_files_a_floor_question_to_the_main_respondent()
    {
        var s = Opened();
        var command = WithText(s, "d1");

        var events = s.Do(command);

        Assert.Collection(
            events,
            e =>
            {
                var filed = Assert.IsType<QuestionFiled>(e);
                Assert.Equal(command.NewQuestionId, filed.QuestionId);
                Assert.Equal(QuestionChannel.Floor, filed.Channel);
                Assert.Equal(Finance, filed.Respondent);
                Assert.Equal(Budget, filed.ClusterId);
            },
            e => Assert.Equal(command.NewQuestionId, Assert.IsType<SpeakerRegistered>(e).QuestionId));
    }

    [Fact]
    public void Register_in_a_cluster_not_yet_open_is_accepted()
    {
        var s = InBudget();

        var events = s.Do(WithText(s, "d1", Hospitals));

        Assert.Equal(Health, Assert.IsType<QuestionFiled>(events[0]).Respondent);
        Assert.Single(s.State.Cluster(Hospitals)!.Queue);
    }

    [Fact]
    public void Register_without_slip_or_text_is_invalid()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(WithText(s, "d1", text: null)), ErrorKind.Invalid, "question_text_required");
    }

    [Fact]
    public void Register_with_too_long_a_text_is_invalid()
    {
        var s = Opened();

        var decision = s.Try(WithText(s, "d1", text: new string('x', SittingDecider.MaxQuestionLength + 1)));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "question_too_long");
    }

    [Fact]
    public void Register_twice_while_waiting_conflicts()
    {
        var s = Opened();
        s.Register("d1");

        DecisionAssert.Refused(s.Try(WithText(s, "d1")), ErrorKind.Conflict, "already_registered");
    }

    [Fact]
    public void Register_again_while_called_conflicts()
    {
        var s = InBudget();
        s.Register("d1");
        s.Call();

        DecisionAssert.Refused(s.Try(WithText(s, "d1")), ErrorKind.Conflict, "already_registered");
    }

    [Fact]
    public void Register_again_after_speaking_is_accepted()
    {
        var s = InBudget();
        s.Ask("d1");

        var events = s.Do(WithText(s, "d1"));

        Assert.IsType<SpeakerRegistered>(events[^1]);
    }

    [Fact]
    public void Register_in_another_cluster_while_waiting_in_one_is_accepted()
    {
        var s = Opened();
        s.Register("d1");

        var events = s.Do(WithText(s, "d1", Hospitals));

        Assert.IsType<SpeakerRegistered>(events[^1]);
    }

    [Fact]
    public void Register_with_someone_elses_slip_is_not_found()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", Budget, Finance);
        s.Do(new OpenSitting(Chair, s.Now));

        DecisionAssert.Refused(s.Try(WithSlip(s, "d2", slip)), ErrorKind.NotFound, "question_not_found");
    }

    [Fact]
    public void Register_with_an_unknown_slip_is_not_found()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(WithSlip(s, "d1", Guid.CreateVersion7())), ErrorKind.NotFound, "question_not_found");
    }

    [Fact]
    public void Register_with_a_slip_of_another_cluster_conflicts()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", Hospitals, Health);
        s.Do(new OpenSitting(Chair, s.Now));

        DecisionAssert.Refused(s.Try(WithSlip(s, "d1", slip, Budget)), ErrorKind.Conflict, "question_not_available");
    }

    [Fact]
    public void Register_with_a_slip_already_asked_conflicts()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", Budget, Finance);
        s.Do(new OpenSitting(Chair, s.Now));
        s.Do(new OpenCluster(Budget, Chair, s.Now));
        var registration = s.Register("d1", slip);
        s.Call();
        s.Speak(TurnKind.Question, registration);

        DecisionAssert.Refused(s.Try(WithSlip(s, "d1", slip)), ErrorKind.Conflict, "question_not_available");
    }

    [Fact]
    public void Register_with_a_slip_outside_the_clusters_brings_it_into_the_cluster()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", clusterId: null, Finance);
        s.Now = StartsAt;
        s.Do(new OpenSitting(Chair, s.Now));
        s.Do(new OpenCluster(Budget, Chair, s.Now));
        var registration = s.Register("d1", slip);
        s.Call();
        s.Speak(TurnKind.Question, registration);

        var answer = Assert.IsType<TurnStarted>(Assert.Single(s.Do(new StartTurn(Guid.CreateVersion7(), TurnKind.Answer, null, null, Chair, s.Now))));

        // Asked in the budget cluster, so the budget answer answers it and no written answer is owed.
        Assert.Equal([slip], answer.QuestionIds);
        Assert.Equal(Budget, s.State.Question(slip)!.ClusterId);
        Assert.Equal(QuestionStatus.Answered, s.State.Question(slip)!.Status);
    }

    [Fact]
    public void Register_with_a_slip_outside_the_clusters_answered_at_the_floor_owes_no_written_answer()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", clusterId: null, Finance);
        s.Do(new OpenSitting(Chair, s.Now));
        s.Do(new OpenCluster(Budget, Chair, s.Now));
        var registration = s.Register("d1", slip);
        s.Call();
        s.Speak(TurnKind.Question, registration);
        s.Speak(TurnKind.Answer);
        s.Do(new RecordCommitment(
            Guid.CreateVersion7(), slip, null, "Bộ Tài chính", "Sửa Nghị định", new DateOnly(2027, 6, 30), Actors.Secretariat(), s.Now));

        var events = s.Do(new CloseSitting(Chair, s.Now));

        Assert.Empty(events.OfType<WrittenAnswerRequired>());
        Assert.Equal(QuestionStatus.Answered, s.State.Question(slip)!.Status);
    }

    [Fact]
    public void Register_with_a_slip_outside_the_clusters_to_a_respondent_not_in_the_cluster_is_invalid()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", clusterId: null, Health);
        s.Do(new OpenSitting(Chair, s.Now));

        DecisionAssert.Refused(s.Try(WithSlip(s, "d1", slip, Budget)), ErrorKind.Invalid, "respondent_not_in_cluster");
    }

    [Fact]
    public void Register_with_a_slip_already_queued_in_another_cluster_conflicts()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", clusterId: null, Finance);
        s.Do(new OpenSitting(Chair, s.Now));
        s.Register("d1", slip, Budget);

        // The same slip may not wait in two queues at once.
        var decision = s.Try(WithSlip(s, "d1", slip, Hospitals));

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "question_not_available");
    }

    [Fact]
    public void Register_with_text_under_an_id_already_used_by_a_question_conflicts()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d2", Budget, Finance);
        s.Do(new OpenSitting(Chair, s.Now));

        var decision = s.Try(WithText(s, "d1") with { NewQuestionId = slip });

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "question_exists");
    }

    [Fact]
    public void Register_in_a_closed_cluster_conflicts()
    {
        var s = InBudget();
        s.Do(new CloseCluster(Budget, Chair, s.Now));

        DecisionAssert.Refused(s.Try(WithText(s, "d1")), ErrorKind.Conflict, "cluster_closed");
    }

    [Fact]
    public void Register_in_an_unknown_cluster_is_not_found()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(WithText(s, "d1", Guid.CreateVersion7())), ErrorKind.NotFound, "cluster_not_found");
    }

    [Fact]
    public void Register_by_a_deputy_of_another_body_is_forbidden()
    {
        var s = Opened();
        var command = WithText(s, "d1") with { Actor = Actors.Deputy("d-hue-01", "pc-hue") };

        DecisionAssert.Refused(s.Try(command), ErrorKind.Forbidden, "not_a_member");
    }

    [Fact]
    public void Register_repeated_with_the_same_id_is_a_no_op()
    {
        var s = Opened();
        var command = WithText(s, "d1");
        s.Do(command);

        DecisionAssert.NoOp(s.Try(command));
        Assert.Single(s.State.Registrations);
    }

    [Fact]
    public void Register_reusing_another_deputys_registration_id_conflicts()
    {
        var s = Opened();
        var command = WithText(s, "d1");
        s.Do(command);

        DecisionAssert.Refused(s.Try(command with { Actor = Actors.Deputy("d2") }), ErrorKind.Conflict, "registration_exists");
    }
}
