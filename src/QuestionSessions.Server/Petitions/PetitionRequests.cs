using System.ComponentModel.DataAnnotations;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Domain.Places;
using QuestionSessions.Server.PersonalData;

namespace QuestionSessions.Server.Petitions;

/// <summary>Who filed, as they chose to say: kept in the personal-data table, never in the log or in public.</summary>
internal sealed record PetitionerRequest(
    [property: StringLength(PersonalDataStore.MaxName)] string? FullName,
    [property: StringLength(PersonalDataStore.MaxContact)] string? Contact,
    [property: StringLength(PersonalDataStore.MaxAddress)] string? Address);

/// <summary>A voter's petition filed on the portal.</summary>
internal sealed record OnlinePetitionRequest(
    [property: Required, StringLength(PetitionDecider.MaxBodyId)] string BodyId,
    PetitionField Field,
    [property: Required, StringLength(PetitionDecider.MaxTitle)] string Title,
    [property: Required, StringLength(PetitionSource.MaxText)] string Text,
    [property: Required, StringLength(60)] string ProvinceId,
    [property: StringLength(Locality.MaxCommune)] string? Commune,
    PetitionerRequest? Petitioner);

/// <summary>What the filer keeps: the code to follow the petition, and the secret to rate its answer or erase their details (shown once).</summary>
internal sealed record PetitionFiledReply(Guid PetitionId, string Code, string? Secret, long Version);

/// <summary>One petition raised at a contact meeting.</summary>
internal sealed record MeetingPetitionRequest(
    PetitionField Field,
    [property: Required, StringLength(PetitionDecider.MaxTitle)] string Title,
    [property: Required, StringLength(PetitionSource.MaxText)] string Text,
    [property: Range(1, PetitionSource.MaxSupporters)] int Supporters);

/// <summary>A voter contact meeting and the petitions raised at it.</summary>
internal sealed record ContactMeetingRequest(
    DateOnly Date,
    MeetingTiming Timing,
    [property: Range(1, 99)] int? Session,
    [property: Required, StringLength(60)] string ProvinceId,
    [property: StringLength(Locality.MaxCommune)] string? Commune,
    [property: MaxLength(ContactMeeting.MaxHeldBy)] IReadOnlyList<string>? HeldBy,
    [property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<MeetingPetitionRequest> Petitions);

internal sealed record MeetingFiledReply(Guid MeetingId, IReadOnlyList<PetitionFiledReply> Petitions);

internal sealed record MergeRequest(Guid DuplicateId);

/// <summary>The one agency that answers: registered in <see cref="AgencyBodyId"/> (the petition's own body when left out).</summary>
internal sealed record RoutingRequest(
    [property: Required, StringLength(PetitionRouting.MaxAgencyId)] string AgencyId,
    [property: StringLength(PetitionDecider.MaxBodyId)] string? AgencyBodyId,
    [property: StringLength(PetitionDecider.MaxReason)] string? Reason);

internal sealed record PetitionAnswerRequest(
    [property: Required, StringLength(PetitionDecider.MaxAnswer)] string Markdown,
    PetitionOutcome Outcome);

internal sealed record ReportBackRequest(
    [property: Required, StringLength(PetitionDecider.MaxChannel)] string Channel,
    [property: StringLength(PetitionDecider.MaxNote)] string? Note);

internal sealed record PetitionRatingRequest(
    SatisfactionRating Rating,
    [property: StringLength(PetitionDecider.MaxComment)] string? Comment);

internal sealed record EscalationRequest(
    EscalationTarget Target,
    Guid TargetId,
    [property: Required, StringLength(PetitionDecider.MaxReason)] string Reason);

internal sealed record ErasureRequest([property: Required, StringLength(500)] string Reason);
