using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Commitments;

/// <summary>A commitment; its deadline acts through the reminder of <see cref="DeadlineGrain{TDecider, TState, TCommand, TEvent}"/>.</summary>
public sealed class CommitmentGrain(AggregateServices<CommitmentState> services, ILogger<CommitmentGrain> logger)
    : DeadlineGrain<CommitmentDecider, CommitmentState, CommitmentCommand, CommitmentEvent>(services, logger), ICommitmentGrain
{
    /// <summary>The event stream of the commitment with this id.</summary>
    public static string StreamId(Guid commitmentId) => StreamIdOf(commitmentId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();

    protected override bool HasDue(CommitmentState state, DateTimeOffset now) => CommitmentMilestones.Due(state, now).Count > 0;

    protected override DateTimeOffset? NextMilestone(CommitmentState state, DateTimeOffset now) => CommitmentMilestones.Next(state, now);

    protected override CommitmentCommand RunMilestones(DateTimeOffset now) => new RunMilestones(Actor.System, now);
}
