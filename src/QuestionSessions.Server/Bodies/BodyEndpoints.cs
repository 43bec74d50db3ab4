using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Bodies;

internal static class BodyEndpoints
{
    public static RouteGroupBuilder MapBodies(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/bodies").WithTags("Bodies");
        group.MapGet("/", List);
        group.MapGet("/{bodyId}", Get);
        group.MapGet("/{bodyId}/grants", Grants);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<BodySummary>>> List(IEventStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await BodyDirectory.ListAsync(store, cancellationToken));

    /// <summary>Who holds which role in the body; with <c>history=true</c> every grant ever made, by whom, and when and why it ended.</summary>
    private static async Task<Ok<IReadOnlyList<Administration.RoleGrantRecord>>> Grants(
        string bodyId, bool? history, IEventStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await Administration.RoleGrantLedger.ListAsync(store, bodyId, history == true, cancellationToken));

    private static async Task<Results<Ok<BodyView>, NotFound>> Get(
        string bodyId, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is not (var state, var version) || !state.Exists)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.ETag = $"\"{version}\"";
        return TypedResults.Ok(new BodyView(
            state.BodyId, state.Kind, state.Name, state.NameEn, state.ParentBodyId, state.Term,
            [.. state.Members.Values], [.. state.Agencies.Values], [.. state.Officials.Values], [.. state.RulesProfiles],
            [.. state.Sessions.Select(s => new BodySession(s.Key, s.Value))], PersonDeparture.From(state.Unseated), PersonDeparture.From(state.Relieved),
            version));
    }
}
