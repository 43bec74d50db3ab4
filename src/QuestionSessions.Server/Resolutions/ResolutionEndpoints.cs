using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Resolutions;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Resolutions;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Resolutions;

internal sealed record ResolutionRequest(
    [property: Required, StringLength(100)] string Number,
    [property: Required, StringLength(500)] string Title,
    DateOnly AdoptedOn,
    [property: Required, StringLength(ResolutionDecider.MaxMarkdown)] string Markdown);

/// <summary>Gives a clause to one registered agency (and the official answerable for it) with a date or "before session N".</summary>
internal sealed record ClauseAssignmentRequest(
    [property: Required, StringLength(64)] string AgencyId,
    [property: StringLength(100)] string? OfficialId,
    DateOnly? Deadline,
    [property: Range(1, 99)] int? BeforeSession,
    [property: StringLength(CommitmentDecider.MaxText)] string? ExpectedResult);

internal sealed record ClauseView(int Number, string Text, string Html, ClauseAssignment? Assignment);

internal sealed record ResolutionView(
    Guid ResolutionId, string BodyId, string? Term, string Number, string Title, DateOnly AdoptedOn, string Html, IReadOnlyList<ClauseView> Clauses, long Version);

/// <summary>
/// Resolutions on questioning: the secretariat enters one as Markdown with numbered clauses, then gives task
/// clauses to agencies, each of which the ledger follows as a commitment (resolution → clause → commitment).
/// </summary>
internal static class ResolutionEndpoints
{
    public static void MapResolutions(this IEndpointRouteBuilder routes)
    {
        var bodies = routes.MapGroup("/api/bodies/{bodyId}/resolutions").WithTags("Resolutions");
        bodies.MapGet("/", (string bodyId, IEventStore store, CancellationToken ct) => ResolutionDirectory.ListAsync(store, bodyId, ct));
        bodies.MapCommandGroup("").MapPost("/", Adopt);

        var group = routes.MapGroup("/api/resolutions").WithTags("Resolutions");
        group.MapGet("/{resolutionId:guid}", Get);
        group.MapCommandGroup("/{resolutionId:guid}").MapPost("/clauses/{clause:int}/assignment", Assign);
    }

    private static async Task<IResult> Adopt(
        string bodyId, ResolutionRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is not ({ Exists: true } body, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such body.", "body_not_found");
        }

        var clauses = ResolutionClauses.Read(request.Markdown);
        var resolutionId = CommandRunner.NewId(http, Guid.Empty, $"resolution|{bodyId}");
        return await runner.RunAsync(http, grains.GetGrain<IResolutionGrain>(resolutionId), (actor, now) => new AdoptResolution(
            resolutionId, bodyId, body.Term, request.Number, request.Title, request.AdoptedOn, request.Markdown, clauses, actor, now), resolutionId);
    }

    private static async Task<Results<Ok<ResolutionView>, NotFound>> Get(
        Guid resolutionId, IGrainFactory grains, TranscriptRenderer renderer, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IResolutionGrain>(resolutionId).Get(cancellationToken) is not (var state, var version))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = CommandRunner.ETag(version);
        return TypedResults.Ok(new ResolutionView(
            state.ResolutionId, state.BodyId, state.Term, state.Number, state.Title, state.AdoptedOn, renderer.ToHtml(state.Markdown),
            [.. state.Clauses.Select(c => new ClauseView(c.Number, c.Text, renderer.ToHtml(c.Text), state.Assignments.Find(a => a.Clause == c.Number)))],
            version));
    }

    private static async Task<IResult> Assign(
        Guid resolutionId, int clause, ClauseAssignmentRequest request, IGrainFactory grains, CommandRunner runner, HttpContext http,
        CancellationToken cancellationToken)
    {
        var resolution = grains.GetGrain<IResolutionGrain>(resolutionId);
        if (await resolution.Get(cancellationToken) is not (var state, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No resolution has been entered under this id.", "resolution_not_found");
        }

        var body = (await grains.GetGrain<IBodyGrain>(state.BodyId).Get(cancellationToken))?.State ?? Domain.Bodies.BodyState.Empty;
        if (!body.Agencies.TryGetValue(request.AgencyId.Trim(), out var agency))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown agency", $"'{request.AgencyId}' is not an agency registered with this body.", "agency_not_found");
        }

        Domain.Bodies.Official? official = null;
        if (request.OfficialId is { Length: > 0 } officialId && !body.Officials.TryGetValue(officialId, out official))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown official", $"'{officialId}' is not an official answering to this body.", "respondent_unknown");
        }

        var (deadline, problem) = Commitments.DeadlineChoice.Resolve(body, request.Deadline, request.BeforeSession);
        if (problem is not null)
        {
            return problem;
        }

        // One commitment per clause, whoever retries: its id comes from the resolution and the clause.
        var commitmentId = ClauseCommitmentId(resolutionId, clause);
        var owner = new CommitmentOwner(agency.AgencyId, agency.Name, official?.OfficialId, official?.Name);
        return await runner.RunAsync(http, resolution, (actor, now) =>
            new AssignClause(clause, commitmentId, owner, deadline!, request.ExpectedResult, actor, now), commitmentId);
    }

    /// <summary>The commitment that follows clause <paramref name="clause"/> of a resolution.</summary>
    public static Guid ClauseCommitmentId(Guid resolutionId, int clause) =>
        Domain.DerivedId.Of($"clause|{resolutionId:N}|{clause}");
}
