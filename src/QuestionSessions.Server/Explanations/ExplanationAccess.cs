using QuestionSessions.Domain;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Server.PersonalData;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// Who may read what of a request beyond its public view. The agency side is the current agency's officers, the
/// secretariat of the body that agency answers to, and administrators (the decree's "agency handling the matter",
/// ADR 4's "the body's secretariat"). The requester proves themself with the secret shown at filing
/// (<see cref="SecretHeader"/>) or by being signed in to the account that filed; an erasure ends both.
/// </summary>
internal static class ExplanationAccess
{
    public const string SecretHeader = "X-Filer-Secret";

    public static bool IsAgencySide(Actor? actor, RequestedAgency agency) =>
        actor is not null && (agency.HasOfficer(actor) || actor.HoldsAny(agency.AgencyBodyId, Role.Secretariat, Role.Admin));

    /// <summary>True when the caller proves to be the requester <paramref name="requesterId"/>.</summary>
    public static async Task<bool> IsRequesterAsync(HttpContext http, Guid requesterId, PersonalDataStore people, CancellationToken cancellationToken)
    {
        if (http.Request.Headers[SecretHeader].ToString() is { Length: > 0 } secret
            && await people.HoldsSecretAsync(requesterId, secret, cancellationToken))
        {
            return true;
        }

        return Accounts.ActorClaims.ToActor(http.User) is { } actor
            && await people.GetAsync(requesterId, cancellationToken) is { ErasedAt: null, AccountId: { } account }
            && account == actor.UserId;
    }
}
