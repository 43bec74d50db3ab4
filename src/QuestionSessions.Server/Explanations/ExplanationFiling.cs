using System.Security.Cryptography;
using System.Text;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.PersonalData;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// Files a request for explanation: online by anyone (signed in or not), or in person, taken down by an officer
/// of the agency. The server counts the acknowledge-by day (5 working days), keeps the requester's details in
/// the personal data table and files the request with only their subject id. With an <c>Idempotency-Key</c> the
/// request id, the subject id and the filer's secret all derive from the key, so a retried filing gets the same
/// id, code and secret and writes nothing new. The key itself is not passed to the grain: it would be kept in the
/// event's metadata for ever, and the secret derives from it.
/// </summary>
internal static class ExplanationFiling
{
    /// <summary>
    /// Who files online and who rates, in the log: not the signed-in person, whose name would stay in the
    /// event metadata beyond any erasure. The account that filed is linked in the personal data table instead.
    /// </summary>
    public static readonly Actor Public = new("public", "Public", []);

    private const int CodeAttempts = 5;

    public static Task<IResult> OnlineAsync(FilingRequest request, [AsParameters] FilingServices services, HttpContext http) =>
        FileAsync(request, FilingChannel.Online, Public, ActorClaims.ToActor(http.User)?.UserId, services, http);

    public static Task<IResult> InPersonAsync(FilingRequest request, [AsParameters] FilingServices services, HttpContext http) =>
        ActorClaims.ToActor(http.User) is { } officer
            ? FileAsync(request, FilingChannel.InPerson, officer, null, services, http)
            : Task.FromResult(Problems.Unauthorized());

    private static async Task<IResult> FileAsync(
        FilingRequest request, FilingChannel channel, Actor actor, string? accountId, FilingServices services, HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        var key = http.Request.Headers[CommandRunner.IdempotencyHeader].ToString() is { Length: > 0 } k ? k : null;
        if (key is { Length: > 200 })
        {
            return Problems.BadHeader();
        }

        if (await AgencyAsync(services.Grains, request.AgencyBodyId, request.AgencyId, cancellationToken) is not { } agency)
        {
            return UnknownAgency(request.AgencyId);
        }

        var (requestId, code) = await NewRequestAsync(services.Store, key, cancellationToken);
        var subjectId = key is null ? Guid.NewGuid() : DerivedId.Of($"explanation|requester|{key}");
        var secret = PersonalDataStore.SecretFor(key);
        var requester = request.Requester;
        if (!await services.People.SaveAsync(subjectId, SubjectKind.Requester, requester.FullName, requester.Contact, requester.Address,
                requester.IdNumber, accountId, secret, cancellationToken))
        {
            return Problems.Problem(StatusCodes.Status409Conflict, "Idempotency-Key reused",
                "This Idempotency-Key was used for another requester's filing; use a new key for a new request.", "idempotency_key_reused");
        }

        var now = services.Time.GetUtcNow();
        var grain = services.Grains.GetGrain<IExplanationGrain>(requestId);
        var (reply, problem) = await CommandRunner.RunPublicAsync(http, grain, (ExplanationCommand)new FileExplanationRequest(
            requestId, code, agency, request.Kind, subjectId, request.Represented, request.Representatives, request.Subject, request.Matter,
            request.DecisionReference, channel, request.Publish, AcknowledgeBy(services.Calendar, now), actor, now));
        if (!reply.Succeeded)
        {
            // Nothing is kept for a filing that never was; a refused retry of a filing that was made keeps its requester.
            if (await grain.Get(cancellationToken) is null)
            {
                await services.People.ForgetAsync(subjectId, cancellationToken);
            }

            return problem;
        }

        var (state, version) = (await grain.Get(cancellationToken))!;
        http.Response.Headers.ETag = CommandRunner.ETag(version);
        return TypedResults.Created($"/api/explanations/by-code/{state.Code}",
            new FilingReceipt(requestId, state.Code, secret, state.AcknowledgeBy!.Value, version));
    }

    /// <summary>
    /// A fresh request id and its tracking code (the last 40 bits of the id); should the code be taken, the next
    /// id is tried.
    /// </summary>
    private static async Task<(Guid RequestId, string Code)> NewRequestAsync(IEventStore store, string? key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var id = key is null ? Guid.NewGuid() : DerivedId.Of(attempt == 0 ? $"explanation|request|{key}" : $"explanation|request|{key}|{attempt}");
            var code = TrackingCode.Of(TrackingCode.Explanation, id);
            if (await ExplanationDirectory.FindByCodeAsync(store, code, cancellationToken) is not { } holder || holder == id || attempt == CodeAttempts)
            {
                return (id, code);
            }
        }
    }

    /// <summary>5 working days after <paramref name="now"/>'s day in Hanoi (past the calendar's years, a day the decider refuses).</summary>
    public static DateOnly AcknowledgeBy(LegalCalendar calendar, DateTimeOffset now) =>
        calendar.AddWorkingDays(VietnamTime.Today(now), ExplanationDecider.AcknowledgeWorkingDays) ?? DateOnly.MinValue;

    /// <summary>The agency <paramref name="agencyId"/> as registered with body <paramref name="bodyId"/>, or null.</summary>
    public static async Task<RequestedAgency?> AgencyAsync(IGrainFactory grains, string bodyId, string agencyId, CancellationToken cancellationToken)
    {
        var body = (await grains.GetGrain<IBodyGrain>(bodyId.Trim()).Get(cancellationToken))?.State;
        return body is not null && body.Agencies.TryGetValue(agencyId.Trim(), out var agency)
            ? new RequestedAgency(agency.AgencyId, agency.Name, body.BodyId)
            : null;
    }

    public static IResult UnknownAgency(string agencyId) =>
        Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown agency", $"'{agencyId}' is not an agency registered with that body.", "agency_not_found");

}

/// <summary>What a filing needs, bound from the container in one parameter.</summary>
internal sealed record FilingServices(IGrainFactory Grains, IEventStore Store, PersonalDataStore People, LegalCalendar Calendar, TimeProvider Time);
