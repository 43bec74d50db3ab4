using Microsoft.Extensions.Logging;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Bodies;

public sealed class BodyGrain(AggregateServices<BodyState> services, ILogger<BodyGrain> logger)
    : EventSourcedGrain<BodyDecider, BodyState, BodyCommand, BodyEvent>(services, logger), IBodyGrain
{
    protected override string Key => this.GetPrimaryKeyString();
}
