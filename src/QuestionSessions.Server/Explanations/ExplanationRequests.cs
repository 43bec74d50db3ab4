using System.ComponentModel.DataAnnotations;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Server.PersonalData;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// Who asks: the decree needs a named requester with a way to reach them. Kept in the personal data table only,
/// never in an event, a public page or the search.
/// </summary>
internal sealed record RequesterRequest(
    [property: Required, StringLength(PersonalDataStore.MaxName)] string FullName,
    [property: Required, StringLength(PersonalDataStore.MaxContact)] string Contact,
    [property: StringLength(PersonalDataStore.MaxAddress)] string? Address,
    [property: StringLength(PersonalDataStore.MaxIdNumber)] string? IdNumber);

/// <summary>
/// A request for explanation as filed online or taken down in person. <see cref="Publish"/> is the requester's
/// consent to the matter and the explanation being shown in public, without their identity. The requester is
/// checked here as well (the shape filter checks only the top level and lists).
/// </summary>
internal sealed record FilingRequest(
    [property: Required, StringLength(64)] string AgencyId,
    [property: Required, StringLength(64)] string AgencyBodyId,
    RequesterKind Kind,
    [property: Range(1, ExplanationDecider.MaxRepresented)] int Represented,
    [property: Range(1, 5)] int Representatives,
    [property: Required, StringLength(ExplanationDecider.MaxSubject)] string Subject,
    [property: Required, StringLength(ExplanationDecider.MaxMatter)] string Matter,
    [property: StringLength(ExplanationDecider.MaxDecisionReference)] string? DecisionReference,
    bool Publish,
    [property: Required] RequesterRequest Requester) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Requester is null)
        {
            yield break;
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Requester, new ValidationContext(Requester), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"requester.{char.ToLowerInvariant(m[0])}{m[1..]}")]);
        }
    }
}

/// <summary>What a filer gets back, once: the request's id and code, the secret that proves they filed it, and the acknowledge-by day.</summary>
internal sealed record FilingReceipt(Guid RequestId, string Code, string Secret, DateOnly AcknowledgeBy, long Version);

internal sealed record RefusalRequest(
    RefusalGround Ground,
    [property: Required, StringLength(ExplanationDecider.MaxReason)] string Reason);

/// <summary>Sends the request on to the competent agency, registered with <see cref="AgencyBodyId"/>.</summary>
internal sealed record RedirectionRequest(
    [property: Required, StringLength(64)] string AgencyId,
    [property: Required, StringLength(64)] string AgencyBodyId,
    [property: Required, StringLength(ExplanationDecider.MaxReason)] string Reason);

/// <summary>The one extension: <see cref="Days"/> more days (at most 15) after the explain-by day in force.</summary>
internal sealed record ExtensionRequest(
    [property: Required, StringLength(ExplanationDecider.MaxReason)] string Reason,
    [property: Range(1, ExplanationDecider.MaxExtensionDays)] int Days);

internal sealed record MeetingRequest(
    DateOnly Date,
    [property: Required, StringLength(ExplanationDecider.MaxMarkdown)] string MinutesMarkdown);

internal sealed record ExplanationTextRequest(
    [property: Required, StringLength(ExplanationDecider.MaxMarkdown)] string Markdown,
    [property: Required, StringLength(ExplanationDecider.MaxLegalBasis)] string LegalBasis);

internal sealed record RatingRequest(
    SatisfactionRating Rating,
    [property: StringLength(ExplanationDecider.MaxComment)] string? Comment);

/// <summary>The requester's own erasure; the reason is optional (they owe none).</summary>
internal sealed record SelfErasureRequest([property: StringLength(ExplanationDecider.MaxReason)] string? Reason);
