using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class CommitmentTests
{
    private static readonly DateOnly NextYear = new(2027, 6, 30);

    private static RecordCommitment Commitment(
        SittingScenario s, Guid questionId, string? respondentId = null, string owner = "Bộ Tài chính",
        string text = "Hoàn thành giải ngân vốn đầu tư công", DateOnly? deadline = null, Actor? by = null) =>
        new(Guid.CreateVersion7(), questionId, respondentId, owner, text, deadline ?? NextYear, by ?? Actors.Secretariat(), s.Now);

    /// <summary>An open budget cluster in which d1 has asked and the minister has answered.</summary>
    private static (SittingScenario Scenario, Guid QuestionId) Answered()
    {
        var s = InBudget();
        var registration = s.Ask("d1");
        s.Speak(TurnKind.Answer);
        return (s, s.QuestionOf(registration).QuestionId);
    }

    [Fact]
    public void RecordCommitment_for_an_answered_question_binds_the_main_respondent()
    {
        var (s, question) = Answered();
        var command = Commitment(s, question, owner: "  Bộ Tài chính  ");

        var recorded = Assert.IsType<CommitmentRecorded>(Assert.Single(s.Do(command)));

        Assert.Equal(question, recorded.QuestionId);
        Assert.Equal(Finance, recorded.Respondent);
        Assert.Equal("Bộ Tài chính", recorded.Owner);
        Assert.Equal(NextYear, recorded.Deadline);
        Assert.Equal(command.CommitmentId, Assert.Single(s.State.Commitments).CommitmentId);
    }

    [Fact]
    public void RecordCommitment_for_an_asked_question_is_accepted()
    {
        var s = InBudget();
        var registration = s.Ask("d1");

        var events = s.Do(Commitment(s, s.QuestionOf(registration).QuestionId));

        Assert.IsType<CommitmentRecorded>(Assert.Single(events));
    }

    [Fact]
    public void RecordCommitment_by_a_related_respondent_of_the_cluster_is_accepted()
    {
        var (s, question) = Answered();

        var recorded = Assert.IsType<CommitmentRecorded>(Assert.Single(s.Do(Commitment(s, question, StateBank.OfficialId))));

        Assert.Equal(StateBank, recorded.Respondent);
    }

    [Fact]
    public void RecordCommitment_by_a_respondent_outside_the_cluster_is_invalid()
    {
        var (s, question) = Answered();

        DecisionAssert.Refused(s.Try(Commitment(s, question, Health.OfficialId)), ErrorKind.Invalid, "respondent_not_in_cluster");
    }

    [Fact]
    public void RecordCommitment_by_a_deputy_is_forbidden()
    {
        var (s, question) = Answered();

        DecisionAssert.Refused(s.Try(Commitment(s, question, by: Actors.Deputy("d1"))), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void RecordCommitment_by_the_chair_is_forbidden()
    {
        var (s, question) = Answered();

        DecisionAssert.Refused(s.Try(Commitment(s, question, by: Chair)), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void RecordCommitment_after_the_close_for_a_question_asked_but_unanswered_is_accepted()
    {
        // The question was put in the sitting, then became owed in writing at the close: what the
        // respondent promised while it was asked is still on record.
        var s = InBudget();
        var question = s.QuestionOf(s.Ask("d1")).QuestionId;
        s.Do(new CloseSitting(Chair, s.Now));
        Assert.Equal(QuestionStatus.WrittenAnswerDue, s.State.Question(question)!.Status);

        Assert.IsType<CommitmentRecorded>(Assert.Single(s.Do(Commitment(s, question))));
    }

    [Fact]
    public void RecordCommitment_for_a_question_not_asked_conflicts()
    {
        var s = InBudget();
        var waiting = s.Register("d1");

        DecisionAssert.Refused(s.Try(Commitment(s, s.QuestionOf(waiting).QuestionId)), ErrorKind.Conflict, "question_not_asked");
    }

    [Fact]
    public void RecordCommitment_for_an_unknown_question_is_not_found()
    {
        var (s, _) = Answered();

        DecisionAssert.Refused(s.Try(Commitment(s, Guid.CreateVersion7())), ErrorKind.NotFound, "question_not_found");
    }

    [Fact]
    public void RecordCommitment_before_the_sitting_opens_conflicts()
    {
        var s = Scheduled();
        var slip = s.FileSlip("d1", Budget, Finance);

        DecisionAssert.Refused(s.Try(Commitment(s, slip)), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void RecordCommitment_due_on_the_vietnam_date_of_today_is_invalid()
    {
        var (s, question) = Answered();
        s.Now = new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero); // already 21 November in Hà Nội

        var decision = s.Try(Commitment(s, question, deadline: new DateOnly(2026, 11, 21)));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "deadline_not_future");
    }

    [Fact]
    public void RecordCommitment_due_the_next_vietnam_day_is_accepted()
    {
        var (s, question) = Answered();
        s.Now = new DateTimeOffset(2026, 11, 20, 18, 30, 0, TimeSpan.Zero);

        var recorded = Assert.IsType<CommitmentRecorded>(Assert.Single(s.Do(Commitment(s, question, deadline: new DateOnly(2026, 11, 22)))));

        Assert.Equal(new DateOnly(2026, 11, 22), recorded.Deadline);
    }

    [Fact]
    public void RecordCommitment_without_an_owner_is_invalid()
    {
        var (s, question) = Answered();

        DecisionAssert.Refused(s.Try(Commitment(s, question, owner: " ")), ErrorKind.Invalid, "owner_required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SittingDecider.MaxQuestionLength + 1)]
    public void RecordCommitment_without_text_or_too_long_is_invalid(int length)
    {
        var (s, question) = Answered();

        DecisionAssert.Refused(s.Try(Commitment(s, question, text: new string('c', length))), ErrorKind.Invalid, "commitment_text");
    }

    [Fact]
    public void RecordCommitment_repeated_is_a_no_op()
    {
        var (s, question) = Answered();
        var command = Commitment(s, question);
        s.Do(command);

        DecisionAssert.NoOp(s.Try(command));
        Assert.Single(s.State.Commitments);
    }
}
