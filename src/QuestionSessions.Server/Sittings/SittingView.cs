using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// The public view of a sitting at <see cref="Version"/>. A viewer loads it once, then the transcript up to
/// the same version (<c>GET /api/sittings/{id}/transcript</c>, by pages), then joins the hub from that
/// version. <see cref="ServerTime"/> lets a client correct its clock for the countdown.
/// </summary>
internal sealed record SittingView(
    Guid SittingId,
    string BodyId,
    string Title,
    DateTimeOffset StartsAt,
    SittingStatus Status,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    RulesProfile Rules,
    IReadOnlyList<ClusterState> Clusters,
    Guid? OpenClusterId,
    IReadOnlyList<QuestionState> Questions,
    IReadOnlyList<RegistrationState> Registrations,
    TurnState? CurrentTurn,
    IReadOnlyList<TurnState> Turns,
    int TranscriptSegments,
    IReadOnlyList<CommitmentState> Commitments,
    string? VideoUrl,
    long Version,
    DateTimeOffset ServerTime)
{
    public static SittingView From(SittingState s, long version, DateTimeOffset now) => new(
        s.SittingId, s.BodyId, s.Title, s.StartsAt, s.Status, s.OpenedAt, s.ClosedAt, s.Rules!, s.Clusters, s.OpenClusterId,
        s.Questions, s.Registrations, s.CurrentTurn, s.Turns, s.PublishedSegments.Count, s.Commitments, s.VideoUrl, version, now);
}

/// <summary>A published transcript segment, with its Markdown rendered and sanitized, at the sitting version that published it.</summary>
internal sealed record TranscriptView(Guid SegmentId, Guid? TurnId, string SpeakerName, string Markdown, string Html, DateTimeOffset At, long Version);
