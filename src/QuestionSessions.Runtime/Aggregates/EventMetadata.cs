namespace QuestionSessions.Runtime.Aggregates;

/// <summary>Stored beside each event: who asked, when, under which idempotency key and correlation.</summary>
internal sealed record EventMetadata(string ActorId, string ActorName, DateTimeOffset IssuedAt, string Command, string? IdempotencyKey, string? CorrelationId);
