namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// <see cref="ExpectedVersion"/> comes from an If-Match header: when set, the command runs only if the
/// aggregate is still at that version. <see cref="IdempotencyKey"/> makes a retried command a no-op.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandOptions(
    [property: Id(0)] string? IdempotencyKey = null,
    [property: Id(1)] long? ExpectedVersion = null,
    [property: Id(2)] string? CorrelationId = null)
{
    public static CommandOptions None { get; } = new();
}
