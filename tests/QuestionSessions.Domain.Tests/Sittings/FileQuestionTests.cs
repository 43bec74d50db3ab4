using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class FileQuestionTests
{
    private static FileQuestion Slip(
        SittingScenario s, Actor by, Guid? clusterId = null, Respondent? to = null, string text = "Khi nào giải ngân xong vốn đầu tư công?") =>
        new(Guid.CreateVersion7(), clusterId, to ?? Finance, text, by, s.Now);

    [Fact]
    public void FileQuestion_by_a_deputy_of_the_body_is_filed_as_a_slip()
    {
        var s = Scheduled();
        var command = Slip(s, Actors.Deputy("d-hn-01"), Budget, text: "  Khi nào giải ngân xong?  ");

        var filed = Assert.IsType<QuestionFiled>(Assert.Single(s.Do(command)));

        Assert.Equal(command.QuestionId, filed.QuestionId);
        Assert.Equal(Budget, filed.ClusterId);
        Assert.Equal("d-hn-01", filed.DeputyId);
        Assert.Equal("Khi nào giải ngân xong?", filed.Text);
        Assert.Equal(QuestionChannel.Slip, filed.Channel);
        Assert.Equal(Finance, filed.Respondent);
        Assert.Equal(QuestionStatus.Filed, s.State.Question(command.QuestionId)!.Status);
    }

    [Fact]
    public void FileQuestion_by_a_deputy_of_another_body_is_forbidden()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Deputy("d-hue-01", "pc-hue"), Budget));

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "not_a_member");
    }

    [Fact]
    public void FileQuestion_by_a_respondent_is_forbidden()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Respondent(Finance.OfficialId), Budget));

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "not_a_member");
    }

    [Fact]
    public void FileQuestion_by_an_actor_without_grants_is_forbidden()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Anonymous, Budget));

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "not_a_member");
    }

    [Fact]
    public void FileQuestion_by_an_administrator_is_forbidden()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Admin, Budget));

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "not_a_member");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void FileQuestion_without_text_is_invalid(string text)
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Deputy("d1"), Budget, text: text));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "question_text_required");
    }

    [Fact]
    public void FileQuestion_longer_than_the_maximum_is_invalid()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Deputy("d1"), Budget, text: new string('a', SittingDecider.MaxQuestionLength + 1)));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "question_too_long");
    }

    [Fact]
    public void FileQuestion_of_exactly_the_maximum_length_is_filed()
    {
        var s = Scheduled();

        var events = s.Do(Slip(s, Actors.Deputy("d1"), Budget, text: new string('a', SittingDecider.MaxQuestionLength)));

        Assert.IsType<QuestionFiled>(Assert.Single(events));
    }

    [Fact]
    public void FileQuestion_in_an_unknown_cluster_is_not_found()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Deputy("d1"), Guid.CreateVersion7()));

        DecisionAssert.Refused(decision, ErrorKind.NotFound, "cluster_not_found");
    }

    [Fact]
    public void FileQuestion_in_a_closed_cluster_conflicts()
    {
        var s = InBudget();
        s.Do(new CloseCluster(Budget, Chair, s.Now));

        var decision = s.Try(Slip(s, Actors.Deputy("d1"), Budget));

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "cluster_closed");
    }

    [Fact]
    public void FileQuestion_to_a_respondent_outside_the_cluster_is_invalid()
    {
        var s = Scheduled();

        var decision = s.Try(Slip(s, Actors.Deputy("d1"), Budget, to: Health));

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "respondent_not_in_cluster");
    }

    [Fact]
    public void FileQuestion_to_a_related_respondent_of_the_cluster_is_filed()
    {
        var s = Scheduled();

        var filed = Assert.IsType<QuestionFiled>(Assert.Single(s.Do(Slip(s, Actors.Deputy("d1"), Budget, to: StateBank))));

        Assert.Equal(StateBank, filed.Respondent);
    }

    [Fact]
    public void FileQuestion_outside_the_clusters_is_filed_without_a_cluster()
    {
        var s = Scheduled();

        var filed = Assert.IsType<QuestionFiled>(Assert.Single(s.Do(Slip(s, Actors.Deputy("d1"), clusterId: null, to: Health))));

        Assert.Null(filed.ClusterId);
    }

    [Fact]
    public void FileQuestion_after_the_sitting_closed_conflicts()
    {
        var s = Opened();
        s.Do(new CloseSitting(Chair, s.Now));

        var decision = s.Try(Slip(s, Actors.Deputy("d1"), Budget));

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "sitting_closed");
    }

    [Fact]
    public void FileQuestion_repeated_with_the_same_id_is_a_no_op()
    {
        var s = Scheduled();
        var command = Slip(s, Actors.Deputy("d1"), Budget);
        s.Do(command);

        DecisionAssert.NoOp(s.Try(command with { Now = s.Now.AddMinutes(1) }));
        Assert.Single(s.State.Questions);
    }

    [Fact]
    public void FileQuestion_reusing_an_id_with_other_text_conflicts()
    {
        var s = Scheduled();
        var command = Slip(s, Actors.Deputy("d1"), Budget);
        s.Do(command);

        var decision = s.Try(command with { Text = "Một câu hỏi khác" });

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "question_exists");
    }

    [Fact]
    public void FileQuestion_reusing_another_deputys_id_conflicts()
    {
        var s = Scheduled();
        var command = Slip(s, Actors.Deputy("d1"), Budget);
        s.Do(command);

        var decision = s.Try(command with { Actor = Actors.Deputy("d2") });

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "question_exists");
    }
}
