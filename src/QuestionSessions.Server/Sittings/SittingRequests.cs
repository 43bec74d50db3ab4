using System.ComponentModel.DataAnnotations;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Sittings;

// Request shapes only: the rules about state live in the decider.

internal sealed record ScheduleSittingRequest(
    [property: Required, StringLength(100)] string BodyId,
    [property: Required, StringLength(300)] string Title,
    DateTimeOffset StartsAt,
    [property: Required, MinLength(1), MaxLength(20)] IReadOnlyList<ClusterRequest> Clusters);

internal sealed record ClusterRequest(
    [property: Required, StringLength(300)] string Title,
    [property: Required, StringLength(100)] string MainRespondentId,
    [property: MaxLength(20)] IReadOnlyList<string>? RelatedRespondentIds);

/// <param name="Reason">Why the sitting moves: shown in its public history.</param>
internal sealed record RescheduleRequest(DateTimeOffset StartsAt, [property: Required, StringLength(300)] string Reason);

internal sealed record FileQuestionRequest(
    Guid? ClusterId,
    [property: Required, StringLength(100)] string RespondentId,
    [property: Required, StringLength(SittingDecider.MaxQuestionLength)] string Text);

internal sealed record RegisterRequest(Guid ClusterId, Guid? QuestionId, [property: StringLength(SittingDecider.MaxQuestionLength)] string? Text);

internal sealed record CallSpeakersRequest([property: Range(1, 10)] int? Count);

/// <param name="Order">The deputies waiting, in their new order.</param>
/// <param name="Expected">Optional: the order the new one was made from; refused with <c>order_changed</c> if the queue moved since.</param>
internal sealed record ReorderRequest([property: Required, MaxLength(1000)] IReadOnlyList<Guid> Order, [property: MaxLength(1000)] IReadOnlyList<Guid>? Expected = null);

internal sealed record InviteRequest([property: Required, StringLength(100)] string OfficialId);

internal sealed record StartTurnRequest(TurnKind Kind, Guid? RegistrationId, [property: StringLength(100)] string? SpeakerId);

internal sealed record TranscriptRequest(
    Guid? TurnId,
    [property: Required, StringLength(200)] string SpeakerName,
    [property: Required, StringLength(SittingDecider.MaxSegmentLength)] string Markdown);

/// <summary>
/// A commitment made in an answer. <see cref="AgencyId"/> is one of the body's registered agencies; without it
/// the responding official's agency owns it. The deadline is a date or the session of the term before which it
/// is kept: exactly one of <see cref="Deadline"/> and <see cref="BeforeSession"/>.
/// </summary>
internal sealed record CommitmentRequest(
    Guid QuestionId,
    [property: StringLength(100)] string? RespondentId,
    [property: StringLength(64)] string? AgencyId,
    [property: Required, StringLength(SittingDecider.MaxQuestionLength)] string Text,
    DateOnly? Deadline,
    [property: Range(1, 99)] int? BeforeSession = null);

internal sealed record VideoRequest([property: StringLength(2000)] string? Url);

/// <summary>What every accepted command answers: the sitting's version after it, and the id it created, if any.</summary>
internal sealed record CommandAccepted(long Version, Guid? Id);
