using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Explanations;

/// <summary>
/// A request for explanation; its acknowledge-by and explain-by days act through the reminder of
/// <see cref="DeadlineGrain{TDecider, TState, TCommand, TEvent}"/>.
/// </summary>
public sealed class ExplanationGrain(AggregateServices<ExplanationState> services, ILogger<ExplanationGrain> logger)
    : DeadlineGrain<ExplanationDecider, ExplanationState, ExplanationCommand, ExplanationEvent>(services, logger), IExplanationGrain
{
    public static string StreamId(Guid requestId) => StreamIdOf(requestId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();

    protected override bool HasDue(ExplanationState state, DateTimeOffset now) => ExplanationMilestones.Due(state, now).Count > 0;

    protected override DateTimeOffset? NextMilestone(ExplanationState state, DateTimeOffset now) => ExplanationMilestones.Next(state, now);

    protected override ExplanationCommand RunMilestones(DateTimeOffset now) => new RunExplanationMilestones(Actor.System, now);
}
