using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Places;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Search;

/// <summary>
/// One public search over petitions, questions, answers, commitments, published explanations and supervision
/// topics, in Vietnamese with or without diacritics: <c>GET /api/search?q=dat dai&amp;kind=&amp;body=&amp;province=&amp;field=</c>.
/// </summary>
internal static class SearchEndpoints
{
    public static RouteGroupBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/search").WithTags("Search");
        group.MapGet("/", Search);
        return group;
    }

    private static async Task<Results<Ok<SearchPage>, ProblemHttpResult>> Search(
        string? q, string? kind, string? body, string? province, string? field, int? offset, int? limit, IEventStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > SearchQuery.MaxQuery)
        {
            return Bad("q_required", $"q is the words to look for, 1 to {SearchQuery.MaxQuery} characters.");
        }

        SearchKind? parsedKind = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            if (!Enum.TryParse<SearchKind>(kind.Trim(), ignoreCase: true, out var k) || kind.Any(char.IsDigit))
            {
                return Bad("bad_filter", $"kind is one of {string.Join(", ", Enum.GetNames<SearchKind>())}.");
            }

            parsedKind = k;
        }

        var provinceId = Blank(province);
        if (provinceId is not null && Provinces.Find(provinceId) is null)
        {
            return Bad("bad_filter", "province is one of the 34 province ids (GET /api/places/provinces).");
        }

        // Fields are petitions' (land, health, …), stored as the enum's names: accepted in any case.
        string? fieldName = null;
        if (!string.IsNullOrWhiteSpace(field))
        {
            if (field.Any(char.IsDigit) || !Enum.TryParse<Domain.Petitions.PetitionField>(field.Trim(), ignoreCase: true, out var parsedField))
            {
                return Bad("bad_filter", $"field is one of {string.Join(", ", Enum.GetNames<Domain.Petitions.PetitionField>())}.");
            }

            fieldName = parsedField.ToString();
        }

        if (limit is < 1 or > SearchQuery.MaxPage || offset is < 0 or > 10_000)
        {
            return Bad("page_size", $"limit is 1 to {SearchQuery.MaxPage} and offset 0 to 10,000.");
        }

        return TypedResults.Ok(await SearchQuery.RunAsync(
            store, new SearchFilter(q, parsedKind, Blank(body), provinceId, fieldName), offset ?? 0, limit ?? 20, cancellationToken));
    }

    private static ProblemHttpResult Bad(string code, string detail) =>
        (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad search", detail, code);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
