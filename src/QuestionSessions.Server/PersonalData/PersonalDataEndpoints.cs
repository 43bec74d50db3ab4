using System.ComponentModel.DataAnnotations;
using QuestionSessions.Domain;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.PersonalData;

/// <summary>An administrator's erasure of a petitioner's or requester's details, with the reason it was asked for.</summary>
internal sealed record ErasureRequest([property: Required, StringLength(4_000)] string Reason);

/// <summary>
/// Personal data by subject id, for administrators: <c>POST /api/personal-data/{subjectId}/erasure</c> blanks the
/// details (a request by letter, a court order). No event holds them, so every hash chain still verifies.
/// </summary>
internal static class PersonalDataEndpoints
{
    public static RouteGroupBuilder MapPersonalData(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/personal-data").WithTags("Personal data").RequireAuthorization().AddEndpointFilter<ShapeValidationFilter>();
        group.MapPost("/{subjectId:guid}/erasure", Erase).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> Erase(Guid subjectId, ErasureRequest body, PersonalDataStore people, HttpContext http, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor)
        {
            return Problems.Unauthorized();
        }

        if (!actor.Grants.Any(g => g.Role == Role.Admin && g.BodyId == Grant.AnyBody))
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only an administrator erases personal data on request.", "admin_required");
        }

        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Reason required", "Say why the details are erased.", "reason_required");
        }

        return await people.EraseAsync(subjectId, body.Reason.Trim(), cancellationToken)
            ? TypedResults.NoContent()
            : Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No personal data is held under this subject id.", "subject_not_found");
    }
}
