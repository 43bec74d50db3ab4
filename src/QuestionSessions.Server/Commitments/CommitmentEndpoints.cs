using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

/// <summary>
/// The public ledger (search, a commitment's timeline) and the steps on a commitment: the owner's officers
/// report, submit and claim; the questioner or the supervising committee assesses; the committee or the
/// secretariat amends the deadline or withdraws. Who may is the decider's rule; this only translates.
/// </summary>
internal static class CommitmentEndpoints
{
    public static RouteGroupBuilder MapCommitments(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/commitments").WithTags("Commitments");
        group.MapGet("/", List);
        group.MapGet("/export.csv", Csv).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/export.json", Json);
        group.MapGet("/feed.atom", Atom).Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        group.MapGet("/deadlines.ics", Ics).Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        group.MapGet("/{commitmentId:guid}", Get);

        var writes = group.MapCommandGroup("/{commitmentId:guid}");

        writes.MapPost("/progress", (Guid commitmentId, ProgressRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        {
            var reportId = CommandRunner.NewId(http, commitmentId, "report");
            return runner.RunAsync(http, Grain(grains, commitmentId), (actor, now) =>
                new ReportProgress(reportId, body.Markdown, body.Evidence ?? [], body.Percent, actor, now), reportId);
        });
        writes.MapPost("/submission", (Guid commitmentId, SubmissionRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, commitmentId), (actor, now) => new SubmitToAuthority(body.Authority, body.Note, actor, now)));
        writes.MapPost("/claim", (Guid commitmentId, ClaimRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, commitmentId), (actor, now) => new ClaimFulfilment(body.Markdown, body.Evidence ?? [], actor, now)));
        writes.MapPost("/assessment", (Guid commitmentId, AssessmentRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, commitmentId), (actor, now) => new AssessFulfilment(body.Assessment, body.Note, actor, now)));
        writes.MapPost("/withdrawal", (Guid commitmentId, WithdrawalRequest body, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
            runner.RunAsync(http, Grain(grains, commitmentId), (actor, now) => new WithdrawCommitment(body.Reason, actor, now)));
        writes.MapPost("/deadline", AmendDeadline);
        return group;
    }

    private static ICommitmentGrain Grain(IGrainFactory grains, Guid commitmentId) => grains.GetGrain<ICommitmentGrain>(commitmentId);

    /// <summary>A page of the ledger, in deadline order.</summary>
    private static async Task<Results<Ok<LedgerPage>, ProblemHttpResult>> List(
        [AsParameters] LedgerArgs args, int? offset, int? limit, IEventStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (args.ToFilter() is not { } filter)
        {
            return LedgerArgs.BadFilter();
        }

        if (limit is < 1 or > LedgerReader.MaxPage || offset is < 0)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad page",
                $"limit is 1 to {LedgerReader.MaxPage} and offset is not negative.", "page_size");
        }

        return TypedResults.Ok(await LedgerReader.PageAsync(
            store, filter, VietnamTime.Today(time.GetUtcNow()), offset ?? 0, limit ?? 50, cancellationToken));
    }

    /// <summary>Every commitment the filter matches, as CSV (RFC 4180, UTF-8, the ledger's columns), streamed.</summary>
    private static async Task<IResult> Csv([AsParameters] LedgerArgs args, IEventStore store, TimeProvider time, HttpContext http)
    {
        if (args.ToFilter() is not { } filter)
        {
            return LedgerArgs.BadFilter();
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"commitments.csv\"";
        await CommitmentFeeds.WriteCsvAsync(store, filter, VietnamTime.Today(time.GetUtcNow()), http.Response.Body, http.RequestAborted);
        return TypedResults.Empty;
    }

    /// <summary>Every commitment the filter matches, as one JSON array, streamed.</summary>
    private static Results<Ok<IAsyncEnumerable<CommitmentSummary>>, ProblemHttpResult> Json(
        [AsParameters] LedgerArgs args, IEventStore store, TimeProvider time, CancellationToken cancellationToken) =>
        args.ToFilter() is { } filter
            ? TypedResults.Ok(LedgerReader.AllAsync(store, filter, VietnamTime.Today(time.GetUtcNow()), cancellationToken))
            : LedgerArgs.BadFilter();

    private static async Task<IResult> Atom([AsParameters] LedgerArgs args, IEventStore store, TimeProvider time, HttpContext http)
    {
        if (args.ToFilter() is not { } filter)
        {
            return LedgerArgs.BadFilter();
        }

        var feed = await CommitmentFeeds.AtomAsync(store, filter, VietnamTime.Today(time.GetUtcNow()), Site(http),
            new Uri(Site(http), $"{http.Request.Path}{http.Request.QueryString}"), args.Describe(), http.RequestAborted);
        return TypedResults.Text(feed, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> Ics([AsParameters] LedgerArgs args, IEventStore store, TimeProvider time, HttpContext http)
    {
        if (args.ToFilter() is not { } filter)
        {
            return LedgerArgs.BadFilter();
        }

        var calendar = await CommitmentFeeds.CalendarAsync(store, filter, VietnamTime.Today(time.GetUtcNow()), Site(http), args.Describe(), http.RequestAborted);
        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }

    /// <summary>The site's own address, for links in feeds read elsewhere.</summary>
    private static Uri Site(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}/");

    private static async Task<Results<Ok<CommitmentDetail>, NotFound>> Get(
        Guid commitmentId, IEventStore store, TranscriptRenderer renderer, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var page = await LedgerReader.PageAsync(store, new LedgerFilter(Id: commitmentId), VietnamTime.Today(time.GetUtcNow()), 0, 1, cancellationToken);
        if (page.Items is not [var commitment])
        {
            return TypedResults.NotFound();
        }

        var events = await store.ReadStreamAsync(CommitmentGrain.StreamId(commitmentId), 1, 10_000, cancellationToken);
        http.Response.Headers.ETag = CommandRunner.ETag(commitment.Version);
        return TypedResults.Ok(new CommitmentDetail(commitment, [.. events.Select(e => CommitmentEventView.From(e, renderer))]));
    }

    private static async Task<IResult> AmendDeadline(
        Guid commitmentId, DeadlineRequest request, CommandRunner runner, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        if (await Grain(grains, commitmentId).Get(cancellationToken) is not (var state, _) || state.Provenance is null)
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No commitment has been made under this id.", "commitment_not_found");
        }

        var body = (await grains.GetGrain<IBodyGrain>(state.Provenance.BodyId).Get(cancellationToken))?.State ?? BodyState.Empty;
        var (deadline, problem) = DeadlineChoice.Resolve(body, request.Date, request.BeforeSession);
        if (problem is not null)
        {
            return problem;
        }
        return await runner.RunAsync(http, Grain(grains, commitmentId), (actor, now) => new AmendDeadline(deadline!, request.Reason, actor, now));
    }
}
