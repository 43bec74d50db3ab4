namespace QuestionSessions.Runtime.Activations;

/// <summary>
/// <see cref="ExpectedVersion"/> comes from an If-Match header: when set, the command runs only if the
/// aggregate is still at that version. <see cref="IdempotencyKey"/> makes a retried command a no-op.
/// </summary>
public sealed record CommandOptions(string? IdempotencyKey = null, long? ExpectedVersion = null, string? CorrelationId = null)
{
    public static CommandOptions None { get; } = new();
}
