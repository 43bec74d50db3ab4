namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// An aggregate's state at <see cref="Version"/>. Domain states are immutable records, so the view is
/// marked immutable: a call inside one silo hands over the reference instead of a deep copy.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AggregateView<TState>([property: Id(0)] TState State, [property: Id(1)] long Version)
    where TState : class;
