namespace QuestionSessions.Domain.Sittings;

/// <summary>The chair's steps on the floor: clusters, the speakers' queue and the timed turns.</summary>
public sealed partial class SittingDecider
{
    private static DomainError? FloorOpen(SittingState state) =>
        state.Status != SittingStatus.Open
            ? new DomainError(ErrorKind.Conflict, "sitting_not_open", "The sitting is not open.")
            : state.OpenCluster is null
                ? new DomainError(ErrorKind.Conflict, "no_open_cluster", "No issue cluster is open.")
                : null;

    private static Decision<SittingEvent> OpenIssueCluster(OpenCluster c, SittingState state)
    {
        if (Requires(c, state, "open an issue cluster", Role.Chair) is { } denied)
        {
            return denied;
        }

        if (state.Cluster(c.ClusterId) is not { } cluster)
        {
            return Refuse(ErrorKind.NotFound, "cluster_not_found", "The sitting has no such issue cluster.");
        }

        if (cluster.Status == ClusterStatus.Open)
        {
            return Decision<SittingEvent>.Nothing;
        }

        if (state.Status != SittingStatus.Open)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_open", "Open the sitting first.");
        }

        if (cluster.Status == ClusterStatus.Closed)
        {
            return Refuse(ErrorKind.Conflict, "cluster_closed", "A closed issue cluster cannot be reopened.");
        }

        return state.OpenClusterId is not null
            ? Refuse(ErrorKind.Conflict, "cluster_already_open", "Close the current issue cluster first.")
            : Decision<SittingEvent>.Accept(new ClusterOpened(c.ClusterId, c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> CloseIssueCluster(CloseCluster c, SittingState state)
    {
        if (Requires(c, state, "close an issue cluster", Role.Chair) is { } denied)
        {
            return denied;
        }

        if (state.Cluster(c.ClusterId) is not { } cluster)
        {
            return Refuse(ErrorKind.NotFound, "cluster_not_found", "The sitting has no such issue cluster.");
        }

        if (cluster.Status == ClusterStatus.Closed)
        {
            return Decision<SittingEvent>.Nothing;
        }

        if (cluster.Status != ClusterStatus.Open)
        {
            return Refuse(ErrorKind.Conflict, "cluster_not_open", "That issue cluster has not been opened.");
        }

        return state.CurrentTurn is not null
            ? Refuse(ErrorKind.Conflict, "turn_running", "End the running turn before closing the cluster.")
            : Decision<SittingEvent>.Accept(new ClusterClosed(c.ClusterId, c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> Reorder(ReorderSpeakers c, SittingState state)
    {
        if (Requires(c, state, "change the speaking order", Role.Chair, Role.Secretariat) is { } denied)
        {
            return denied;
        }

        if (state.Cluster(c.ClusterId) is not { } cluster)
        {
            return Refuse(ErrorKind.NotFound, "cluster_not_found", "The sitting has no such issue cluster.");
        }

        if (cluster.Status == ClusterStatus.Closed)
        {
            return Refuse(ErrorKind.Conflict, "cluster_closed", "That issue cluster is closed.");
        }

        if (c.Expected is { } expected && !expected.SequenceEqual(cluster.Queue))
        {
            return Refuse(ErrorKind.Conflict, "order_changed", "The speaking order changed meanwhile; look at it again and retry.");
        }

        // The new order must name exactly the deputies still waiting: none added, none dropped.
        if (c.Order.Count != cluster.Queue.Count || !c.Order.ToHashSet().SetEquals(cluster.Queue))
        {
            return Refuse(ErrorKind.Conflict, "order_mismatch", "The new order must list exactly the deputies still waiting.");
        }

        return c.Order.SequenceEqual(cluster.Queue)
            ? Decision<SittingEvent>.Nothing
            : Decision<SittingEvent>.Accept(new SpeakingOrderChanged(c.ClusterId, [.. c.Order], c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> Call(CallSpeakers c, SittingState state)
    {
        if (Requires(c, state, "call speakers", Role.Chair, Role.Secretariat) is { } denied)
        {
            return denied;
        }

        if (FloorOpen(state) is { } closed)
        {
            return closed;
        }

        var count = c.Count ?? state.Rules!.CallBatchSize;
        if (count is < 1 or > 10)
        {
            return Refuse(ErrorKind.Invalid, "call_count", "Call one to ten speakers at a time.");
        }

        var cluster = state.OpenCluster!;
        if (cluster.Queue.IsEmpty)
        {
            return Refuse(ErrorKind.Conflict, "queue_empty", "No deputy is waiting to speak in this cluster.");
        }

        return Decision<SittingEvent>.Accept(new SpeakersCalled(cluster.ClusterId, [.. cluster.Queue.Take(count)], c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> Invite(InviteRelatedRespondent c, SittingState state)
    {
        if (Requires(c, state, "invite a respondent", Role.Chair, Role.Secretariat) is { } denied)
        {
            return denied;
        }

        if (FloorOpen(state) is { } closed)
        {
            return closed;
        }

        var cluster = state.OpenCluster!;
        if (cluster.Related.Find(r => r.OfficialId == c.OfficialId) is not { } respondent)
        {
            return Refuse(ErrorKind.NotFound, "respondent_not_related", "That official is not a related respondent of the open cluster.");
        }

        return cluster.Invited.Contains(c.OfficialId)
            ? Decision<SittingEvent>.Nothing
            : Decision<SittingEvent>.Accept(new RelatedRespondentInvited(cluster.ClusterId, respondent, c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> End(EndTurn c, SittingState state)
    {
        if (Requires(c, state, "end a turn", Role.Chair, Role.Secretariat) is { } denied)
        {
            return denied;
        }

        if (state.CurrentTurn is not { } turn || turn.TurnId != c.TurnId)
        {
            return state.Turns.Exists(t => t.TurnId == c.TurnId)
                ? Decision<SittingEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "turn_not_running", "That turn is not running.");
        }

        var duration = c.Now < turn.StartedAt ? TimeSpan.Zero : c.Now - turn.StartedAt;
        var overrun = duration > turn.Limit ? duration - turn.Limit : TimeSpan.Zero;
        return Decision<SittingEvent>.Accept(new TurnEnded(turn.TurnId, duration, overrun, c.Actor.Ref, c.Now));
    }
}
