using Microsoft.Extensions.Logging;
using Orleans.Placement;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Sittings;

/// <summary>
/// Placed on the node that first uses it: the secretariat's and chair's consoles, which send nearly all of a
/// sitting's commands, are usually served by one node, so most commands then take no extra hop.
/// </summary>
[PreferLocalPlacement]
public sealed class SittingGrain(AggregateServices<SittingState> services, ILogger<SittingGrain> logger)
    : EventSourcedGrain<SittingDecider, SittingState, SittingCommand, SittingEvent>(services, logger), ISittingGrain
{
    /// <summary>The event stream of the sitting with this id.</summary>
    public static string StreamId(Guid sittingId) => StreamIdOf(sittingId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();
}
