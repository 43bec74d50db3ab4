using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Aggregates;

/// <summary>
/// A read model written atomically with the append, so it can never disagree with the events (the
/// sitting list, later the commitment tracker). Given the aggregate's state before and after the
/// events and the events about to be appended (the first gets <paramref name="firstVersion"/>, the
/// next one more), it returns the statements to run with them, none when nothing it keeps changed;
/// it does no I/O itself.
/// </summary>
public interface IProjection<in TState>
{
    IEnumerable<ProjectionWrite> Project(string streamId, TState before, TState after, long firstVersion, IReadOnlyList<NewEvent> events);
}
