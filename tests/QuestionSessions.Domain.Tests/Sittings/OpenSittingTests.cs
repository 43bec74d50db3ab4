using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class OpenSittingTests
{
    [Fact]
    public void OpenSitting_by_the_chair_opens_it()
    {
        var s = Scheduled();
        s.Now = StartsAt;

        var opened = Assert.IsType<SittingOpened>(Assert.Single(s.Do(new OpenSitting(Chair, s.Now))));

        Assert.Equal(StartsAt, opened.At);
        Assert.Equal(SittingStatus.Open, s.State.Status);
        Assert.Equal(StartsAt, s.State.OpenedAt);
    }

    [Fact]
    public void OpenSitting_once_closed_cannot_reopen()
    {
        var s = Opened();
        s.Do(new CloseSitting(Chair, s.Now));

        DecisionAssert.Refused(s.Try(new OpenSitting(Chair, s.Now)), ErrorKind.Conflict, "sitting_closed");
    }

    [Fact]
    public void OpenSitting_twice_is_a_no_op()
    {
        var s = Opened();

        DecisionAssert.NoOp(s.Try(new OpenSitting(Chair, s.Now)));
    }

    [Fact]
    public void OpenSitting_by_a_deputy_is_forbidden()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new OpenSitting(Actors.Deputy("d1"), s.Now)), ErrorKind.Forbidden, "role_required");
    }
}
