using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Accounts;

/// <summary>An administrator links an identity provider's subject to an existing account, so it can sign in with it.</summary>
internal static class ExternalLoginEndpoints
{
    public static RouteGroupBuilder MapExternalLogins(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/accounts").WithTags("Accounts").RequireAuthorization().AddEndpointFilter<ShapeValidationFilter>();
        group.MapPost("/{userId}/external-logins", Link);
        return group;
    }

    private static async Task<Results<Ok<LinkedLogin>, ProblemHttpResult>> Link(
        string userId, ExternalLoginLinkRequest request, HttpContext http, AccountStore accounts, ExternalLogins logins, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor || !actor.Holds(Role.Admin, Grant.AnyBody))
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only an administrator of every body links identities to accounts.", "role_required");
        }

        if (await accounts.FindByIdAsync(userId, cancellationToken) is null)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status404NotFound, "No such account", "No account has this id.", "account_not_found");
        }

        return await logins.LinkAsync(request.Issuer, request.Subject, userId, cancellationToken)
            ? TypedResults.Ok(new LinkedLogin(request.Issuer, request.Subject, userId))
            : (ProblemHttpResult)Problems.Problem(StatusCodes.Status409Conflict, "Already linked", "This identity is linked to another account.", "external_login_taken");
    }

    internal sealed record ExternalLoginLinkRequest(
        [property: Required, Url, StringLength(500, MinimumLength = 1)] string Issuer,
        [property: Required, StringLength(255, MinimumLength = 1)] string Subject);

    internal sealed record LinkedLogin(string Issuer, string Subject, string UserId);
}
