using Microsoft.Extensions.Logging;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Bodies;

public sealed class BodyGrain(AggregateServices<BodyState> services, ILogger<BodyGrain> logger)
    : EventSourcedGrain<BodyDecider, BodyState, BodyCommand, BodyEvent>(services, logger), IBodyGrain
{
    protected override string Key => this.GetPrimaryKeyString();

    public Task<CommandReply> Execute(Immutable<BodyCommand> command, CommandOptions options, CancellationToken cancellationToken = default) =>
        ExecuteAsync(command.Value, options, cancellationToken);

    public Task<AggregateView<BodyState>?> Get(CancellationToken cancellationToken = default) => Task.FromResult(View());
}
