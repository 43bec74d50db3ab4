using QuestionSessions.Domain;

namespace QuestionSessions.Grains.Aggregates;

public static class AggregateGrainExtensions
{
    /// <summary>Runs a command on the aggregate; the command is passed as immutable (never copied inside a silo).</summary>
    public static Task<CommandReply> ExecuteAsync<TCommand, TState>(
        this IAggregateGrain<TCommand, TState> grain, TCommand command, CommandOptions options, CancellationToken cancellationToken = default)
        where TCommand : class, ICommand
        where TState : class =>
        grain.Execute(new Immutable<TCommand>(command), options, cancellationToken);
}
