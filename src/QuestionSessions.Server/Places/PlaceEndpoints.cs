using QuestionSessions.Domain.Places;

namespace QuestionSessions.Server.Places;

/// <summary>The 34 provinces and cities, for the forms and filters that name a locality.</summary>
internal static class PlaceEndpoints
{
    public static RouteGroupBuilder MapPlaces(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/places").WithTags("Places");
        group.MapGet("/provinces", () => TypedResults.Ok(Provinces.All));
        return group;
    }
}
