using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class ClusterTests
{
    [Fact]
    public void OpenCluster_opens_it_for_the_floor()
    {
        var s = Opened();

        var opened = Assert.IsType<ClusterOpened>(Assert.Single(s.Do(new OpenCluster(Hospitals, Chair, s.Now))));

        Assert.Equal(Hospitals, opened.ClusterId);
        Assert.Equal(Hospitals, s.State.OpenClusterId);
        Assert.Equal(ClusterStatus.Open, s.State.Cluster(Hospitals)!.Status);
    }

    [Fact]
    public void OpenCluster_while_another_is_open_conflicts()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new OpenCluster(Hospitals, Chair, s.Now)), ErrorKind.Conflict, "cluster_already_open");
    }

    [Fact]
    public void OpenCluster_after_the_previous_one_closed_is_accepted()
    {
        var s = InBudget();
        s.Do(new CloseCluster(Budget, Chair, s.Now));

        s.Do(new OpenCluster(Hospitals, Chair, s.Now));

        Assert.Equal(Hospitals, s.State.OpenClusterId);
    }

    [Fact]
    public void OpenCluster_already_open_is_a_no_op()
    {
        var s = InBudget();

        DecisionAssert.NoOp(s.Try(new OpenCluster(Budget, Chair, s.Now)));
    }

    [Fact]
    public void OpenCluster_once_closed_cannot_reopen()
    {
        var s = InBudget();
        s.Do(new CloseCluster(Budget, Chair, s.Now));

        DecisionAssert.Refused(s.Try(new OpenCluster(Budget, Chair, s.Now)), ErrorKind.Conflict, "cluster_closed");
    }

    [Fact]
    public void OpenCluster_before_the_sitting_opens_conflicts()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new OpenCluster(Budget, Chair, s.Now)), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void OpenCluster_unknown_is_not_found()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(new OpenCluster(Guid.CreateVersion7(), Chair, s.Now)), ErrorKind.NotFound, "cluster_not_found");
    }

    [Fact]
    public void OpenCluster_by_the_secretariat_is_forbidden()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(new OpenCluster(Budget, Actors.Secretariat(), s.Now)), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void OpenCluster_by_the_chair_of_another_body_is_forbidden()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(new OpenCluster(Budget, Actors.Chair("pc-hue"), s.Now)), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void CallSpeakers_in_a_closed_cluster_is_refused()
    {
        var s = InBudget();
        s.Register("d1");
        s.Register("d2");
        s.Do(new CloseCluster(Budget, Chair, s.Now));

        DecisionAssert.Refused(s.Try(new CallSpeakers(null, Chair, s.Now)), ErrorKind.Conflict, "no_open_cluster");
    }

    [Fact]
    public void CloseCluster_marks_waiting_and_called_registrations_not_reached()
    {
        var s = InBudget();
        var spoke = s.Ask("d1");
        var called = s.Register("d2");
        var waiting = s.Register("d3");
        s.Call(1);

        var closed = Assert.IsType<ClusterClosed>(Assert.Single(s.Do(new CloseCluster(Budget, Chair, s.Now))));

        Assert.Equal(Budget, closed.ClusterId);
        Assert.Equal(RegistrationStatus.Spoke, s.State.Registration(spoke)!.Status);
        Assert.Equal(RegistrationStatus.NotReached, s.State.Registration(called)!.Status);
        Assert.Equal(RegistrationStatus.NotReached, s.State.Registration(waiting)!.Status);
        var cluster = s.State.Cluster(Budget)!;
        Assert.Equal(ClusterStatus.Closed, cluster.Status);
        Assert.Empty(cluster.Queue);
        Assert.Empty(cluster.Called);
        Assert.Null(s.State.OpenClusterId);
    }

    [Fact]
    public void CloseCluster_leaves_registrations_of_other_clusters_waiting()
    {
        var s = InBudget();
        var later = s.Register("d1", clusterId: Hospitals);

        s.Do(new CloseCluster(Budget, Chair, s.Now));

        Assert.Equal(RegistrationStatus.Waiting, s.State.Registration(later)!.Status);
    }

    [Fact]
    public void CloseCluster_while_a_turn_runs_conflicts()
    {
        var s = InBudget();
        s.Start(TurnKind.Opening);

        DecisionAssert.Refused(s.Try(new CloseCluster(Budget, Chair, s.Now)), ErrorKind.Conflict, "turn_running");
    }

    [Fact]
    public void CloseCluster_never_opened_conflicts()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new CloseCluster(Hospitals, Chair, s.Now)), ErrorKind.Conflict, "cluster_not_open");
    }

    [Fact]
    public void CloseCluster_twice_is_a_no_op()
    {
        var s = InBudget();
        s.Do(new CloseCluster(Budget, Chair, s.Now));

        DecisionAssert.NoOp(s.Try(new CloseCluster(Budget, Chair, s.Now)));
    }

    [Fact]
    public void CloseCluster_by_a_deputy_is_forbidden()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new CloseCluster(Budget, Actors.Deputy("d1"), s.Now)), ErrorKind.Forbidden, "role_required");
    }
}
