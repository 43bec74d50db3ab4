using Microsoft.Extensions.Logging;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Bodies;

public sealed class BodyGrain(AggregateServices<BodyState> services, ILogger<BodyGrain> logger)
    : EventSourcedGrain<BodyDecider, BodyState, BodyCommand, BodyEvent>(services, logger), IBodyGrain
{
    protected override string Key => this.GetPrimaryKeyString();

    // qs import units/members/officials, qs grant/revoke and qs unseat/relieve append to body streams on the database.
    protected override bool AppendedOutsideTheSilo => true;
}
