using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

/// <summary>The overdue and disputed commitments answerable by one official (or, with none named, one agency).</summary>
internal sealed record FollowUpGroup(string? OfficialId, string? OfficialName, string AgencyId, string AgencyName, IReadOnlyList<CommitmentSummary> Commitments);

/// <summary>Re-question these commitments of <see cref="OfficialId"/> in a cluster of a scheduled sitting.</summary>
internal sealed record FollowUpRequest(
    [property: Required, StringLength(100)] string OfficialId,
    [property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<Guid> CommitmentIds,
    [property: StringLength(300)] string? Title);

/// <summary>
/// The next sitting's follow-up list: a body's overdue and disputed commitments grouped by the official who
/// answers for them, and the step that puts one group on a scheduled sitting's agenda as an issue cluster. The
/// cluster names the commitments; the ledger links each to the sitting (requestioned), so the link runs both ways.
/// </summary>
internal static class FollowUpEndpoints
{
    public static void MapFollowUp(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/bodies/{bodyId}").WithTags("Accountability").MapGet("/follow-up", List);
        routes.MapGroup("/api/sittings").WithTags("Sittings").MapCommandGroup("").MapPost("/{sittingId:guid}/follow-up", Add);
    }

    private static async Task<Results<Ok<IReadOnlyList<FollowUpGroup>>, NotFound>> List(
        string bodyId, IEventStore store, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await ScorecardEndpoints.ExistsAsync(grains, bodyId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await GroupsAsync(store, bodyId, VietnamTime.Today(time.GetUtcNow()), cancellationToken));
    }

    public static async Task<IReadOnlyList<FollowUpGroup>> GroupsAsync(IEventStore store, string bodyId, DateOnly today, CancellationToken cancellationToken)
    {
        var due = new Dictionary<Guid, CommitmentSummary>();
        foreach (var filter in (LedgerFilter[])[new(Body: bodyId, Window: LedgerFilter.Overdue), new(Body: bodyId, Statuses: [CommitmentStatus.Disputed])])
        {
            await foreach (var c in LedgerReader.AllAsync(store, filter, today, cancellationToken))
            {
                due[c.CommitmentId] = c;
            }
        }

        return [.. due.Values
            .GroupBy(c => (c.OfficialId, c.AgencyId))
            .Select(g => new FollowUpGroup(g.Key.OfficialId, g.First().OfficialName, g.Key.AgencyId, g.First().AgencyName,
                [.. g.OrderBy(c => c.Deadline)]))
            .OrderByDescending(g => g.Commitments.Count).ThenBy(g => g.AgencyName, StringComparer.Ordinal)];
    }

    private static async Task<IResult> Add(
        Guid sittingId, FollowUpRequest request, IGrainFactory grains, IEventStore store, CommandRunner runner, TimeProvider time, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken) is not (var sitting, _))
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such sitting.", "sitting_not_found");
        }

        var body = (await grains.GetGrain<IBodyGrain>(sitting.BodyId).Get(cancellationToken))?.State;
        if (RespondentCheck.Problem(body, request.OfficialId, "The follow-up is answered by an official of this body.") is { } problem)
        {
            return problem;
        }

        var official = body!.Officials[request.OfficialId];

        var today = VietnamTime.Today(time.GetUtcNow());
        foreach (var id in request.CommitmentIds.Distinct())
        {
            var found = (await LedgerReader.PageAsync(store, new LedgerFilter(Id: id, Body: sitting.BodyId), today, 0, 1, cancellationToken)).Items;
            if (found.Count == 0)
            {
                return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown commitment",
                    $"Commitment {id} is not in this body's ledger.", "commitment_not_found");
            }
        }

        var clusterId = CommandRunner.NewId(http, sittingId, $"follow-up|{request.OfficialId}");
        var title = string.IsNullOrWhiteSpace(request.Title) ? $"Chất vấn lại việc thực hiện cam kết — {official.Name}, {official.Office}" : request.Title;
        var plan = new ClusterPlan(clusterId, title, new Respondent(official.OfficialId, official.Name, official.Office), []);
        return await runner.RunAsync(http, sittingId, (actor, now) => new AddCluster(plan, [.. request.CommitmentIds], actor, now), clusterId);
    }
}
