using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Supervision;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Commitments;

namespace QuestionSessions.Grains.Supervision;

/// <summary>
/// A supervision topic. Its deadlines (the plan, supplements, the draft report) act through the reminder of
/// <see cref="DeadlineGrain{TDecider, TState, TCommand, TEvent}"/>; each new recommendation nudges the
/// commitments intake, which opens the recommendation's commitment (its sweep covers a nudge lost with a silo).
/// </summary>
public sealed class SupervisionGrain(AggregateServices<SupervisionState> services, ILogger<SupervisionGrain> logger)
    : DeadlineGrain<SupervisionDecider, SupervisionState, SupervisionCommand, SupervisionEvent>(services, logger), ISupervisionGrain
{
    // -1 until the first state change after activation: replaying the stream is no reason to nudge.
    private int _recommendations = -1;

    public static string StreamId(Guid topicId) => StreamIdOf(topicId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();

    protected override bool HasDue(SupervisionState state, DateTimeOffset now) => SupervisionMilestones.Due(state, now).Count > 0;

    protected override DateTimeOffset? NextMilestone(SupervisionState state, DateTimeOffset now) => SupervisionMilestones.Next(state, now);

    protected override SupervisionCommand RunMilestones(DateTimeOffset now) => new RunSupervisionMilestones(Actor.System, now);

    protected override async Task OnStateChangedAsync(CancellationToken cancellationToken)
    {
        await base.OnStateChangedAsync(cancellationToken);
        var grew = _recommendations >= 0 && State.Recommendations.Count > _recommendations;
        _recommendations = State.Recommendations.Count;
        if (grew)
        {
            await GrainFactory.GetGrain<ICommitmentIntakeGrain>(0).Nudge();
        }
    }
}
