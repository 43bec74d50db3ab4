namespace QuestionSessions.Domain;

/// <summary>
/// The outcome of <c>Decide</c>: events to append (empty for an idempotent repeat) or an error
/// (and then nothing is written).
/// </summary>
public sealed class Decision<TEvent>
{
    private Decision(IReadOnlyList<TEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<TEvent> Events { get; }

    public DomainError? Error { get; }

    public bool IsError => Error is not null;

    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);

    public static Decision<TEvent> Accept(IReadOnlyList<TEvent> events) => new(events, null);

    public static Decision<TEvent> Nothing { get; } = new([], null);

    public static Decision<TEvent> Refuse(ErrorKind kind, string code, string message) => new([], new DomainError(kind, code, message));

    public static implicit operator Decision<TEvent>(DomainError error) => new([], error);
}
