using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Sittings;

internal sealed record SittingSummary(
    Guid SittingId, string BodyId, string Title, DateTimeOffset StartsAt, SittingStatus Status, DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt, int Clusters, int Questions, int Commitments, long Version);
