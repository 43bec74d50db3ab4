using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Grains.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.PersonalData;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// A request found by its tracking code: the requester (by the secret shown at filing, or signed in to the account
/// that filed) sees it whole, rates the explanation and may have their details erased; anyone else sees the public
/// view of a published request, and nothing of an unpublished one, not even that it exists.
/// </summary>
internal static class FilerEndpoints
{
    public static async Task<Results<Ok<ExplanationView>, NotFound>> ByCode(
        string code, IGrainFactory grains, IEventStore store, PersonalDataStore people, TranscriptRenderer renderer, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, store, code, cancellationToken) is not (_, var state, var version))
        {
            return TypedResults.NotFound();
        }

        return await AudienceAsync(http, state, people, cancellationToken) is { } audience
            ? TypedResults.Ok(await ViewAsync(store, renderer, state, version, audience, http, cancellationToken))
            : TypedResults.NotFound();
    }

    public static async Task<IResult> Rate(
        string code, RatingRequest body, IGrainFactory grains, IEventStore store, PersonalDataStore people, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, store, code, cancellationToken) is not (var grain, var state, _))
        {
            return NotFound();
        }

        // The decider refuses a rating from anyone but the requester; an unpublished request is not even admitted to.
        var proven = await ExplanationAccess.IsRequesterAsync(http, state.RequesterId, people, cancellationToken);
        if (!proven && !state.Publish)
        {
            return NotFound();
        }

        return (await CommandRunner.RunPublicAsync(http, grain, (ExplanationCommand)new RateExplanation(
            body.Rating, body.Comment, proven ? state.RequesterId : Guid.Empty, ExplanationFiling.Public, time.GetUtcNow()))).Result;
    }

    /// <summary>
    /// The requester's own erasure: their name, contact, address, identity number, account link and secret are
    /// blanked. The request stays (its events hold none of these), and the secret stops working.
    /// </summary>
    public static async Task<IResult> Erase(
        string code, SelfErasureRequest? body, IGrainFactory grains, IEventStore store, PersonalDataStore people, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(grains, store, code, cancellationToken) is not (_, var state, _))
        {
            return NotFound();
        }

        if (!await ExplanationAccess.IsRequesterAsync(http, state.RequesterId, people, cancellationToken))
        {
            return state.Publish
                ? Problems.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only the requester, with the secret given at filing, erases their details.", "requester_only")
                : NotFound();
        }

        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? "Erased at the requester's own request." : body.Reason.Trim();
        await people.EraseAsync(state.RequesterId, reason, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>What <paramref name="http"/>'s caller may see of the request: null when nothing (an unpublished request of others).</summary>
    public static async Task<ExplanationAudience?> AudienceAsync(HttpContext http, ExplanationState state, PersonalDataStore people, CancellationToken cancellationToken)
    {
        if (ExplanationAccess.IsAgencySide(ActorClaims.ToActor(http.User), state.Agency!))
        {
            return ExplanationAudience.Agency;
        }

        if (await ExplanationAccess.IsRequesterAsync(http, state.RequesterId, people, cancellationToken))
        {
            return ExplanationAudience.Requester;
        }

        return state.Publish ? ExplanationAudience.Public : null;
    }

    public static async Task<ExplanationView> ViewAsync(
        IEventStore store, TranscriptRenderer renderer, ExplanationState state, long version, ExplanationAudience audience, HttpContext http,
        CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(ExplanationGrain.StreamId(state.RequestId), 1, (int)Math.Min(version, 10_000), cancellationToken);
        http.Response.Headers.ETag = CommandRunner.ETag(version);
        // Each reader gets their own: a shared cache must not hand the requester's view to the next caller.
        http.Response.Headers.CacheControl = "private, no-store";
        return ExplanationView.From(state, version, audience, events, renderer);
    }

    private static async Task<(IExplanationGrain Grain, ExplanationState State, long Version)?> FindAsync(
        IGrainFactory grains, IEventStore store, string code, CancellationToken cancellationToken)
    {
        if (TrackingCode.Normalize(TrackingCode.Explanation, code) is not { } normalized
            || await ExplanationDirectory.FindByCodeAsync(store, normalized, cancellationToken) is not { } requestId)
        {
            return null;
        }

        var grain = ExplanationEndpoints.Grain(grains, requestId);
        return await grain.Get(cancellationToken) is (var state, var version) ? (grain, state, version) : null;
    }

    private static IResult NotFound() =>
        Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No request for explanation is known by this code.", "request_not_found");
}
