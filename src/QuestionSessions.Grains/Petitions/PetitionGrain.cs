using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Petitions;

/// <summary>A petition; the agency's deadline acts through the reminder of <see cref="DeadlineGrain{TDecider, TState, TCommand, TEvent}"/>.</summary>
public sealed class PetitionGrain(AggregateServices<PetitionState> services, ILogger<PetitionGrain> logger)
    : DeadlineGrain<PetitionDecider, PetitionState, PetitionCommand, PetitionEvent>(services, logger), IPetitionGrain
{
    public static string StreamId(Guid petitionId) => StreamIdOf(petitionId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();

    protected override bool HasDue(PetitionState state, DateTimeOffset now) => PetitionMilestones.Due(state, now).Count > 0;

    protected override DateTimeOffset? NextMilestone(PetitionState state, DateTimeOffset now) => PetitionMilestones.Next(state, now);

    protected override PetitionCommand RunMilestones(DateTimeOffset now) => new RunPetitionMilestones(Actor.System, now);
}
