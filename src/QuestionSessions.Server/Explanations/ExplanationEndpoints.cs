using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Grains.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.PersonalData;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// Requests for explanation (Decree 59/2019): anyone files online, an officer takes one down in person; the
/// agency holding it accepts, refuses, redirects, extends, records meetings and explains; the requester follows
/// it by its code, rates the explanation and may have their details erased. The public reads only the requests
/// whose requesters allowed it, and never who asked. Who may take each step is the decider's rule.
/// </summary>
internal static class ExplanationEndpoints
{
    public static RouteGroupBuilder MapExplanations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/explanations").WithTags("Explanations");
        group.MapGet("/", List);
        group.MapGet("/{requestId:guid}", Get);
        group.MapGet("/{requestId:guid}/requester", Requester).Produces<RequesterDetails>().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/by-code/{code}", FilerEndpoints.ByCode);

        // Filing is open to everyone (rate limited); taking a request down in person needs an officer.
        var filing = group.MapGroup("").AddEndpointFilter<ShapeValidationFilter>();
        filing.MapPost("/", ExplanationFiling.OnlineAsync).RequireRateLimiting(Extensions.PublicFilingRateLimit)
            .Produces<FilingReceipt>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        filing.MapPost("/in-person", ExplanationFiling.InPersonAsync).RequireAuthorization()
            .Produces<FilingReceipt>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        // The requester's own steps, proven by the filing secret or the filing account.
        var filer = group.MapGroup("/by-code/{code}").AddEndpointFilter<ShapeValidationFilter>().RequireRateLimiting(Extensions.PublicFilingRateLimit);
        filer.MapPost("/rating", FilerEndpoints.Rate).Produces<CommandAccepted>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status429TooManyRequests);
        filer.MapPost("/erasure", FilerEndpoints.Erase).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        var writes = group.MapCommandGroup("/{requestId:guid}");
        writes.MapPost("/acceptance", (Guid requestId, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, requestId), (actor, now) =>
                new AcceptRequest(VietnamTime.AddCalendarDays(now, ExplanationDecider.ExplainDays), actor, now)));
        writes.MapPost("/refusal", (Guid requestId, RefusalRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, requestId), (actor, now) => new RefuseRequest(body.Ground, body.Reason, actor, now)));
        writes.MapPost("/redirection", Redirect);
        writes.MapPost("/extension", Extend);
        writes.MapPost("/meetings", (Guid requestId, MeetingRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var meetingId = CommandRunner.NewId(http, requestId, "meeting");
            return runner.RunAsync(http, Grain(grains, requestId), (actor, now) =>
                new RecordMeeting(meetingId, body.Date, body.MinutesMarkdown, actor, now), meetingId);
        });
        writes.MapPost("/explanation", (Guid requestId, ExplanationTextRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, requestId), (actor, now) => new GiveExplanation(body.Markdown, body.LegalBasis, actor, now)));
        return group;
    }

    public static IExplanationGrain Grain(IGrainFactory grains, Guid requestId) => grains.GetGrain<IExplanationGrain>(requestId);

    /// <summary>A page of requests: the published ones, and for the agency side its own queue, unpublished ones included.</summary>
    private static async Task<Results<Ok<ExplanationPage>, ProblemHttpResult>> List(
        string? agency, string? agencyBody, string? status, string? window, int? offset, int? limit, IEventStore store, HttpContext http,
        CancellationToken cancellationToken)
    {
        ExplanationStatus? parsed = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ExplanationStatus>(status.Trim(), ignoreCase: true, out var s) || s == ExplanationStatus.None || status.Any(char.IsDigit))
            {
                return Bad("bad_filter", "status is received, accepted, refused or explained.");
            }

            parsed = s;
        }

        if (!string.IsNullOrWhiteSpace(window) && window.Trim() != "overdue")
        {
            return Bad("bad_filter", "window is overdue, or left out.");
        }

        if (limit is < 1 or > ExplanationList.MaxPage || offset is < 0)
        {
            return Bad("page_size", $"limit is 1 to {ExplanationList.MaxPage} and offset is not negative.");
        }

        var filter = new ExplanationFilter(Blank(agency), Blank(agencyBody), parsed, !string.IsNullOrWhiteSpace(window));
        // An officer's page holds unpublished requests: no shared cache keeps it.
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(await ExplanationList.PageAsync(store, filter, ActorClaims.ToActor(http.User), offset ?? 0, limit ?? 50, cancellationToken));
    }

    /// <summary>
    /// The full request for the agency side (and the requester), the public view when it was published, and
    /// otherwise not found: an unpublished request's existence is not told.
    /// </summary>
    private static async Task<Results<Ok<ExplanationView>, NotFound>> Get(
        Guid requestId, IGrainFactory grains, IEventStore store, PersonalDataStore people, TranscriptRenderer renderer, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await Grain(grains, requestId).Get(cancellationToken) is not (var state, var version))
        {
            return TypedResults.NotFound();
        }

        return await FilerEndpoints.AudienceAsync(http, state, people, cancellationToken) is { } audience
            ? TypedResults.Ok(await FilerEndpoints.ViewAsync(store, renderer, state, version, audience, http, cancellationToken))
            : TypedResults.NotFound();
    }

    /// <summary>The requester's details, for the agency side only.</summary>
    private static async Task<IResult> Requester(
        Guid requestId, IGrainFactory grains, PersonalDataStore people, HttpContext http, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor)
        {
            return Problems.Unauthorized();
        }

        var view = await Grain(grains, requestId).Get(cancellationToken);
        if (view is null || !ExplanationAccess.IsAgencySide(actor, view.State.Agency!))
        {
            // Whether a request exists is told only to those who may see every request.
            return view is null && actor.Holds(Role.Admin, Grant.AnyBody)
                ? Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No request for explanation has been filed under this id.", "request_not_found")
                : Problems.Problem(StatusCodes.Status403Forbidden, "Not allowed",
                    "Only the agency handling the request, the secretariat of its body and administrators see who asked.", "agency_side_only");
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return await people.GetAsync(view.State.RequesterId, cancellationToken) is { } details
            ? TypedResults.Ok(RequesterDetails.From(details))
            : Problems.Problem(StatusCodes.Status404NotFound, "Not found", "The requester's details are not held.", "requester_not_found");
    }

    private static async Task<IResult> Redirect(
        Guid requestId, RedirectionRequest body, CommandRunner runner, IGrainFactory grains, LegalCalendar calendar, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await ExplanationFiling.AgencyAsync(grains, body.AgencyBodyId, body.AgencyId, cancellationToken) is not { } to)
        {
            return ExplanationFiling.UnknownAgency(body.AgencyId);
        }

        // The new agency's clock: 5 working days from the redirect.
        return await runner.RunAsync(http, Grain(grains, requestId), (actor, now) =>
            new RedirectRequest(to, body.Reason, ExplanationFiling.AcknowledgeBy(calendar, now), actor, now));
    }

    private static async Task<IResult> Extend(
        Guid requestId, ExtensionRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        // Counted from the day set at acceptance (there is one extension only), so a retried extension asks for the same day.
        var grain = Grain(grains, requestId);
        var accepted = (await grain.Get(cancellationToken))?.State.OriginalExplainBy;
        return await runner.RunAsync(http, grain, (actor, now) =>
            new ExtendExplanation((accepted ?? VietnamTime.Today(now)).AddDays(body.Days), body.Reason, actor, now));
    }

    private static ProblemHttpResult Bad(string code, string detail) =>
        (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad filter", detail, code);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
