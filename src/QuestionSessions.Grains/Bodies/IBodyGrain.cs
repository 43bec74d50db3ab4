using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Bodies;

/// <summary>An elected body, keyed by its id ("na", "pc-hue", …): members, officials and rules profiles.</summary>
public interface IBodyGrain : IGrainWithStringKey
{
    Task<CommandReply> Execute(Immutable<BodyCommand> command, CommandOptions options, CancellationToken cancellationToken = default);

    /// <summary>The body's state and version, or null when there is no such body.</summary>
    [ReadOnly]
    Task<AggregateView<BodyState>?> Get(CancellationToken cancellationToken = default);
}
