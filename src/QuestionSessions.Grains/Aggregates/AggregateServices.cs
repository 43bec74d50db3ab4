using Microsoft.Extensions.Options;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Grains.Aggregates;

/// <summary>What every event-sourced grain of one state type needs from the silo: the store, the read models written with each append, settings and the clock.</summary>
public sealed class AggregateServices<TState>(
    IEventStore store, IEnumerable<IProjection<TState>> projections, IOptions<AggregateOptions> options, TimeProvider time)
    where TState : class
{
    public IEventStore Store { get; } = store;

    public IReadOnlyList<IProjection<TState>> Projections { get; } = [.. projections];

    public AggregateOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;
}
