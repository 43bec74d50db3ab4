using System.Data.Common;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Activations;

/// <summary>
/// A read model kept in the same transaction as the append, so it can never disagree with the events
/// (the sitting list, later the commitment tracker). Receives the aggregate's state after the events.
/// </summary>
public interface IProjection<in TState>
{
    Task ApplyAsync(DbTransaction transaction, string streamId, TState state, IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken);
}
