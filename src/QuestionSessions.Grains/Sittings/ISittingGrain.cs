using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Sittings;

/// <summary>A questioning sitting, keyed by its id. Commands are the domain's; so are the refusals.</summary>
public interface ISittingGrain : IGrainWithGuidKey
{
    Task<CommandReply> Execute(Immutable<SittingCommand> command, CommandOptions options, CancellationToken cancellationToken = default);

    /// <summary>The sitting's state and version, or null when there is no such sitting.</summary>
    [ReadOnly]
    Task<AggregateView<SittingState>?> Get(CancellationToken cancellationToken = default);
}
