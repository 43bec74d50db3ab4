using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Commitments;

/// <summary>Accountability, public: scorecards of agencies and officials, commitments by status over time, and time discipline.</summary>
internal static class ScorecardEndpoints
{
    public const int MaxMonths = 36;

    public static RouteGroupBuilder MapScorecards(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bodies/{bodyId}").WithTags("Accountability");
        group.MapGet("/scorecards", List);
        group.MapGet("/commitment-history", History);
        group.MapGet("/time-discipline", Discipline);
        return group;
    }

    /// <summary>The body's scorecards by agency, or by official with <paramref name="by"/>=official; one agency with <paramref name="agency"/>.</summary>
    private static async Task<Results<Ok<IReadOnlyList<Scorecard>>, NotFound, ProblemHttpResult>> List(
        string bodyId, string? term, string? agency, string? by, IEventStore store, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (by is not (null or "agency" or "official"))
        {
            return (ProblemHttpResult)Sittings.Problems.Problem(StatusCodes.Status400BadRequest, "Bad grouping", "by is agency or official.", "bad_filter");
        }

        if (!await ExistsAsync(grains, bodyId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await Scorecards.ListAsync(
            store, bodyId, Blank(term), Blank(agency), by == "official", VietnamTime.Today(time.GetUtcNow()), cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<StatusPoint>>, NotFound, ProblemHttpResult>> History(
        string bodyId, string? term, int? months, IEventStore store, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (months is < 1 or > MaxMonths)
        {
            return (ProblemHttpResult)Sittings.Problems.Problem(StatusCodes.Status400BadRequest, "Bad period", $"months is 1 to {MaxMonths}.", "bad_filter");
        }

        if (!await ExistsAsync(grains, bodyId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await Scorecards.HistoryAsync(store, bodyId, Blank(term), VietnamTime.Today(time.GetUtcNow()), months ?? 12, cancellationToken));
    }

    private static async Task<Results<Ok<TimeDisciplineView>, NotFound>> Discipline(
        string bodyId, Guid? sitting, IEventStore store, IGrainFactory grains, CancellationToken cancellationToken) =>
        await ExistsAsync(grains, bodyId, cancellationToken)
            ? TypedResults.Ok(await TimeDiscipline.ForBodyAsync(store, grains, bodyId, sitting, cancellationToken))
            : TypedResults.NotFound();

    /// <summary>Whether the body exists (an id longer than any body's is not looked up).</summary>
    public static async Task<bool> ExistsAsync(IGrainFactory grains, string bodyId, CancellationToken cancellationToken) =>
        bodyId.Length <= 64 && await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is { State.Exists: true };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
