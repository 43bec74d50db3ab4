using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Sittings;

/// <summary>Reading sittings (public), scheduling them, and what deputies do: file slips and register.</summary>
internal static class SittingEndpoints
{
    public static RouteGroupBuilder MapSittings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/sittings").WithTags("Sittings");
        group.MapGet("/", List);
        group.MapGet("/{sittingId:guid}", Get);
        group.MapGet("/{sittingId:guid}/events", Events);
        group.MapGet("/{sittingId:guid}/transcript", Transcript);

        var writes = group.MapCommandGroup("");
        writes.MapPost("/", Schedule);
        writes.MapPost("/{sittingId:guid}/reschedule", Reschedule);
        writes.MapPost("/{sittingId:guid}/questions", FileQuestion);
        writes.MapPost("/{sittingId:guid}/registrations", Register);
        writes.MapFloor();
        return group;
    }

    /// <summary>
    /// A group of command routes: signed in, shapes checked, and every write answering CommandAccepted or a
    /// problem, said once here so the OpenAPI document (and the web client's generated types) know both shapes.
    /// </summary>
    public static RouteGroupBuilder MapCommandGroup(this RouteGroupBuilder group, string prefix)
    {
        var writes = group.MapGroup(prefix).RequireAuthorization().AddEndpointFilter<ShapeValidationFilter>();
        writes.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(CommandAccepted), ["application/json"]));
        writes.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails), ["application/problem+json"]));
        foreach (var status in (int[])[401, 403, 404, 409, 412, 422])
        {
            writes.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }

        return writes;
    }

    private static async Task<Ok<IReadOnlyList<SittingSummary>>> List(string? bodyId, IEventStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SittingDirectory.ListAsync(store, bodyId, cancellationToken));

    private static async Task<Results<Ok<SittingView>, NotFound>> Get(
        Guid sittingId, IGrainFactory grains, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken) is not (var state, var version))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = CommandRunner.ETag(version);
        return TypedResults.Ok(SittingView.From(state, version, time.GetUtcNow()));
    }

    /// <summary>The most events one page of <c>/events</c> holds.</summary>
    public const int EventsPage = 1_000;

    /// <summary>
    /// The published transcript, in order: the segments published after version <paramref name="after"/> up to
    /// <paramref name="upTo"/> (the version of the view the client loaded), at most <paramref name="limit"/>
    /// (and <see cref="SittingTranscript.MaxPage"/>) a page. A full page may have more after its last version: it
    /// carries a <c>Link: &lt;…?after=N…&gt;; rel="next"</c> header to the next page.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<TranscriptView>>, NotFound, ProblemHttpResult>> Transcript(
        Guid sittingId, long? after, long? upTo, int? limit, IEventStore store, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > SittingTranscript.MaxPage)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad page size",
                $"limit is 1 to {SittingTranscript.MaxPage}.", "page_size");
        }

        if (after is < 0 || upTo is < 0)
        {
            return BadCursor("after and upTo");
        }

        var streamId = SittingGrain.StreamId(sittingId);
        var version = await store.GetStreamVersionAsync(streamId, cancellationToken);
        if (version == 0)
        {
            return TypedResults.NotFound();
        }

        // Past the stream's end there is nothing to read; stopping here also keeps after + 1 from overflowing.
        var last = Math.Min(upTo ?? version, version);
        var size = limit ?? SittingTranscript.MaxPage;
        IReadOnlyList<TranscriptView> page = (after ?? 0) >= last ? [] : await SittingTranscript.ListAsync(store, renderer, sittingId, after ?? 0, last, size, cancellationToken);
        if (page.Count == size && page[^1].Version < last)
        {
            var query = upTo is null ? "" : $"&upTo={upTo}";
            NextPage(http, $"/api/sittings/{sittingId}/transcript?after={page[^1].Version}{query}&limit={size}");
        }

        return TypedResults.Ok(page);
    }

    /// <summary>
    /// The sitting's public history after version <paramref name="after"/>: the same events the hub sends live,
    /// at most <paramref name="limit"/> (and <see cref="EventsPage"/>) a page. When more follow, the answer carries a
    /// <c>Link: &lt;/api/sittings/{id}/events?after=N&gt;; rel="next"</c> header; without it the page reaches the
    /// stream's end. An <paramref name="after"/> at or past the end is an empty page; a negative one is a 400.
    /// </summary>
    private static async Task<Results<Ok<IReadOnlyList<Live.LiveEvent>>, NotFound, ProblemHttpResult>> Events(
        Guid sittingId, long? after, int? limit, IEventStore store, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > EventsPage)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad page size", $"limit is 1 to {EventsPage}.", "page_size");
        }

        if (after is < 0)
        {
            return BadCursor("after");
        }

        var streamId = SittingGrain.StreamId(sittingId);
        var version = await store.GetStreamVersionAsync(streamId, cancellationToken);
        if (version == 0)
        {
            return TypedResults.NotFound();
        }

        var from = after ?? 0;
        if (from >= version)
        {
            return TypedResults.Ok<IReadOnlyList<Live.LiveEvent>>([]);
        }

        var size = limit ?? EventsPage;
        var events = await store.ReadStreamAsync(streamId, from + 1, size, cancellationToken);
        if (events.Count > 0 && events[^1].Version < version)
        {
            NextPage(http, $"/api/sittings/{sittingId}/events?after={events[^1].Version}" + (limit is null ? "" : $"&limit={size}"));
        }

        return TypedResults.Ok<IReadOnlyList<Live.LiveEvent>>([.. events.Select(e => Live.LiveEvent.From(e, renderer))]);
    }

    private static ProblemHttpResult BadCursor(string names) => (ProblemHttpResult)Problems.Problem(
        StatusCodes.Status400BadRequest, "Bad version", $"{names}: a stream version, 0 or more.", "bad_cursor");

    private static void NextPage(HttpContext http, string path) => http.Response.Headers.Link = $"<{path}>; rel=\"next\"";

    private static async Task<IResult> Schedule(
        ScheduleSittingRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBodyGrain>(request.BodyId).Get(cancellationToken) is not (var body, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such body.", "body_not_found");
        }

        // Null when no profile is in force that day: the decider refuses it after the role, the title and the start.
        var rules = body.ProfileOn(VietnamTime.Today(request.StartsAt));
        var clusters = new List<ClusterPlan>();
        foreach (var cluster in request.Clusters)
        {
            var ids = new[] { cluster.MainRespondentId }.Concat(cluster.RelatedRespondentIds ?? []).ToList();
            if (ids.FirstOrDefault(id => body.ServingOfficial(id) is null) is { } unknown)
            {
                return RespondentCheck.Problem(body, unknown, $"'{unknown}' is not an official answering to this body.")!;
            }

            clusters.Add(new ClusterPlan(
                CommandRunner.NewId(http, Guid.Empty, $"cluster|{clusters.Count}"), cluster.Title.Trim(), Respondent(body.Officials[ids[0]]),
                [.. ids.Skip(1).Select(id => Respondent(body.Officials[id]))]));
        }

        var sittingId = CommandRunner.NewId(http, Guid.Empty, "sitting");
        return await runner.RunAsync(http, sittingId, (actor, now) =>
            new ScheduleSitting(sittingId, body.BodyId, request.Title, request.StartsAt, rules, clusters, actor, now), sittingId);
    }

    /// <summary>Moves a sitting not yet opened; the rules become those in force on the new day, as when it was scheduled.</summary>
    private static async Task<IResult> Reschedule(
        Guid sittingId, RescheduleRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken) is not (var sitting, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such sitting.", "sitting_not_found");
        }

        var body = (await grains.GetGrain<IBodyGrain>(sitting.BodyId).Get(cancellationToken))?.State;
        var rules = body?.ProfileOn(VietnamTime.Today(request.StartsAt));
        return await runner.RunAsync(http, sittingId, (actor, now) => new RescheduleSitting(request.StartsAt, rules, request.Reason, actor, now));
    }

    private static async Task<IResult> FileQuestion(
        Guid sittingId, FileQuestionRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken) is not (var sitting, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such sitting.", "sitting_not_found");
        }

        var body = (await grains.GetGrain<IBodyGrain>(sitting.BodyId).Get(cancellationToken))?.State;
        if (RespondentCheck.Problem(body, request.RespondentId, "Questions go to an official answering to this body.") is { } problem)
        {
            return problem;
        }

        var official = body!.Officials[request.RespondentId];

        var questionId = CommandRunner.NewId(http, sittingId, "question");
        return await runner.RunAsync(http, sittingId, (actor, now) =>
            new QuestionSessions.Domain.Sittings.FileQuestion(questionId, request.ClusterId, Respondent(official), request.Text, actor, now), questionId);
    }

    private static Task<IResult> Register(Guid sittingId, RegisterRequest request, CommandRunner runner, HttpContext http)
    {
        var registrationId = CommandRunner.NewId(http, sittingId, "registration");
        var questionId = CommandRunner.NewId(http, sittingId, "floor-question");
        return runner.RunAsync(http, sittingId, (actor, now) =>
            new RegisterToSpeak(registrationId, request.ClusterId, request.QuestionId, request.Text, questionId, actor, now), registrationId);
    }

    private static Respondent Respondent(Official official) => new(official.OfficialId, official.Name, official.Office);
}
