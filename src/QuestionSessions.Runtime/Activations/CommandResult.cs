using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Activations;

public enum CommandOutcome
{
    /// <summary>Events were appended, or the command was an idempotent repeat that changed nothing.</summary>
    Accepted,
    /// <summary>The decider refused; nothing was written.</summary>
    Refused,
    /// <summary>The If-Match version no longer holds; nothing was written.</summary>
    PreconditionFailed,
    /// <summary>The idempotency key was used before: nothing was written and the first result is returned.</summary>
    Repeated,
}

/// <summary>The result of one command on one aggregate: the version after it and the events it appended.</summary>
public sealed record CommandResult<TState>(
    CommandOutcome Outcome, long Version, TState State, IReadOnlyList<StoredEvent> Appended, DomainError? Error)
{
    public bool Succeeded => Outcome is CommandOutcome.Accepted or CommandOutcome.Repeated;
}
