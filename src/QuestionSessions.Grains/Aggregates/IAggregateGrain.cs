using QuestionSessions.Domain;

namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// What every event-sourced grain answers: the domain's commands, and its state. Each aggregate's grain
/// interface adds only its key kind (<c>ISittingGrain : IAggregateGrain&lt;…&gt;, IGrainWithGuidKey</c>).
/// </summary>
public interface IAggregateGrain<TCommand, TState> : IGrain
    where TCommand : class, ICommand
    where TState : class
{
    Task<CommandReply> Execute(Immutable<TCommand> command, CommandOptions options, CancellationToken cancellationToken = default);

    /// <summary>The aggregate's state and version, or null when it has no events.</summary>
    [ReadOnly]
    Task<AggregateView<TState>?> Get(CancellationToken cancellationToken = default);
}
