namespace QuestionSessions.Domain;

/// <summary>
/// An aggregate's pure logic: what a grain would do with one message. The runtime loads the state
/// by folding <see cref="Evolve"/> over the stream, calls <see cref="Decide"/>, and appends the events
/// with the version it loaded as the expected version.
/// </summary>
public interface IDecider<TState, TCommand, TEvent>
    where TState : class
{
    /// <summary>The first part of the stream key, e.g. "sitting" in "sitting/{id}".</summary>
    static abstract string Category { get; }

    static abstract TState Initial { get; }

    static abstract Decision<TEvent> Decide(TCommand command, TState state);

    static abstract TState Evolve(TState state, TEvent @event);
}
