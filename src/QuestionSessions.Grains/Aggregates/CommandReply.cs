using QuestionSessions.Domain;

namespace QuestionSessions.Grains.Aggregates;

[GenerateSerializer]
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
    /// <summary>Another writer kept winning the append through every retry; nothing was written, try again later.</summary>
    Busy,
}

/// <summary>What one command did to one aggregate: its outcome, the aggregate's version after it, and why it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record CommandReply(
    [property: Id(0)] CommandOutcome Outcome,
    [property: Id(1)] long Version,
    [property: Id(2)] DomainError? Error = null)
{
    public bool Succeeded => Outcome is CommandOutcome.Accepted or CommandOutcome.Repeated;
}
