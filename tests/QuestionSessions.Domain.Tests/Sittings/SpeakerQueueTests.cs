using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class SpeakerQueueTests
{
    [Fact]
    public void CallSpeakers_without_a_count_calls_the_profiles_batch_in_registration_order()
    {
        var s = InBudget();
        var first = s.Register("d1");
        var second = s.Register("d2");
        var third = s.Register("d3");
        var fourth = s.Register("d4");

        var called = s.Call();

        Assert.Equal([first, second, third], called);
        Assert.Equal([fourth], s.State.Cluster(Budget)!.Queue);
        Assert.Equal([first, second, third], s.State.Cluster(Budget)!.Called);
        Assert.All(called, id => Assert.Equal(RegistrationStatus.Called, s.State.Registration(id)!.Status));
        Assert.Equal(RegistrationStatus.Waiting, s.State.Registration(fourth)!.Status);
    }

    [Fact]
    public void CallSpeakers_with_a_count_of_one_calls_only_the_next()
    {
        var s = InBudget();
        var first = s.Register("d1");
        var second = s.Register("d2");

        Assert.Equal([first], s.Call(1));
        Assert.Equal([second], s.Call(1));
    }

    [Fact]
    public void CallSpeakers_with_fewer_waiting_than_the_batch_calls_all_of_them()
    {
        var s = InBudget();
        var only = s.Register("d1");

        Assert.Equal([only], s.Call());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void CallSpeakers_with_a_count_out_of_range_is_invalid(int count)
    {
        var s = InBudget();
        s.Register("d1");

        DecisionAssert.Refused(s.Try(new CallSpeakers(count, Chair, s.Now)), ErrorKind.Invalid, "call_count");
    }

    [Fact]
    public void CallSpeakers_with_an_empty_queue_conflicts()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new CallSpeakers(null, Chair, s.Now)), ErrorKind.Conflict, "queue_empty");
    }

    [Fact]
    public void CallSpeakers_with_no_cluster_open_conflicts()
    {
        var s = Opened();
        s.Register("d1");

        DecisionAssert.Refused(s.Try(new CallSpeakers(null, Chair, s.Now)), ErrorKind.Conflict, "no_open_cluster");
    }

    [Fact]
    public void CallSpeakers_by_a_deputy_is_forbidden()
    {
        var s = InBudget();
        s.Register("d1");

        DecisionAssert.Refused(s.Try(new CallSpeakers(null, Actors.Deputy("d1"), s.Now)), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void CallSpeakers_by_the_secretariat_is_accepted()
    {
        var s = InBudget();
        var first = s.Register("d1");

        var called = Assert.IsType<SpeakersCalled>(Assert.Single(s.Do(new CallSpeakers(null, Actors.Secretariat(), s.Now))));

        Assert.Equal([first], called.RegistrationIds);
    }

    [Fact]
    public void ReorderSpeakers_changes_who_is_called_next()
    {
        var s = InBudget();
        var first = s.Register("d1");
        var second = s.Register("d2");
        var third = s.Register("d3");

        s.Do(new ReorderSpeakers(Budget, [third, first, second], Chair, s.Now));

        Assert.Equal([third, first], s.Call(2));
        Assert.Equal([second], s.State.Cluster(Budget)!.Queue);
    }

    [Fact]
    public void ReorderSpeakers_leaving_one_out_conflicts()
    {
        var s = InBudget();
        var first = s.Register("d1");
        s.Register("d2");

        DecisionAssert.Refused(s.Try(new ReorderSpeakers(Budget, [first], Chair, s.Now)), ErrorKind.Conflict, "order_mismatch");
    }

    [Fact]
    public void ReorderSpeakers_naming_one_twice_conflicts()
    {
        var s = InBudget();
        var first = s.Register("d1");
        s.Register("d2");

        DecisionAssert.Refused(s.Try(new ReorderSpeakers(Budget, [first, first], Chair, s.Now)), ErrorKind.Conflict, "order_mismatch");
    }

    [Fact]
    public void ReorderSpeakers_adding_one_not_waiting_conflicts()
    {
        var s = InBudget();
        var first = s.Register("d1");
        var called = s.Register("d2");
        s.Do(new ReorderSpeakers(Budget, [called, first], Chair, s.Now));
        s.Call(1);
        var third = s.Register("d3");

        // d2 was called and no longer waits: the chair cannot put her back in the queue.
        var decision = s.Try(new ReorderSpeakers(Budget, [third, called, first], Chair, s.Now));

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "order_mismatch");
    }

    [Fact]
    public void ReorderSpeakers_in_the_same_order_is_a_no_op()
    {
        var s = InBudget();
        var first = s.Register("d1");
        var second = s.Register("d2");

        DecisionAssert.NoOp(s.Try(new ReorderSpeakers(Budget, [first, second], Chair, s.Now)));
    }

    [Fact]
    public void ReorderSpeakers_made_from_an_order_that_has_since_changed_conflicts()
    {
        var s = InBudget();
        var a = s.Register("d1");
        var b = s.Register("d2");
        var c = s.Register("d3");
        // One console moves C up; another, still showing A, B, C, moves B up.
        s.Do(new ReorderSpeakers(Budget, [a, c, b], Chair, s.Now, Expected: [a, b, c]));

        var stale = s.Try(new ReorderSpeakers(Budget, [b, a, c], Chair, s.Now, Expected: [a, b, c]));

        DecisionAssert.Refused(stale, ErrorKind.Conflict, "order_changed");
        s.Do(new ReorderSpeakers(Budget, [c, a, b], Chair, s.Now, Expected: [a, c, b]));
    }

    [Fact]
    public void ReorderSpeakers_by_a_deputy_is_forbidden()
    {
        var s = InBudget();
        var first = s.Register("d1");
        var second = s.Register("d2");

        var decision = s.Try(new ReorderSpeakers(Budget, [second, first], Actors.Deputy("d2"), s.Now));

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void ReorderSpeakers_in_an_unknown_cluster_is_not_found()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new ReorderSpeakers(Guid.CreateVersion7(), [], Chair, s.Now)), ErrorKind.NotFound, "cluster_not_found");
    }
}
