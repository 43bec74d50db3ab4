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
        return group;
    }

    private static async Task<Ok<IReadOnlyList<BodySummary>>> List(IEventStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await BodyDirectory.ListAsync(store, cancellationToken));

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
            [.. state.Sessions.Select(s => new BodySession(s.Key, s.Value))], version));
    }
}
