using Microsoft.Extensions.Logging;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Sittings;

public sealed class SittingGrain(AggregateServices<SittingState> services, ILogger<SittingGrain> logger)
    : EventSourcedGrain<SittingDecider, SittingState, SittingCommand, SittingEvent>(services, logger), ISittingGrain
{
    /// <summary>The event stream of the sitting with this id.</summary>
    public static string StreamId(Guid sittingId) => StreamIdOf(sittingId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();
}
