using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Accounts;

internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Accounts").AddEndpointFilter<ShapeValidationFilter>();
        group.MapPost("/sign-in", SignIn).RequireRateLimiting(Extensions.SignInRateLimit);
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop the result.
        group.MapPost("/sign-out", (Delegate)SignOut).RequireAuthorization();
        group.MapGet("/me", WhoAmI);
        return group;
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignIn(SignInRequest request, AccountStore accounts, HttpContext http, CancellationToken cancellationToken)
    {
        if (await accounts.VerifyAsync(request.Username, request.Password, cancellationToken) is not { } account)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed", detail: "The username or password is wrong.",
                extensions: new Dictionary<string, object?> { ["code"] = "sign_in_failed" });
        }

        var principal = ActorClaims.ToPrincipal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return TypedResults.Ok(new Me(true, account.UserId, account.DisplayName, account.Grants));
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<Me> WhoAmI(HttpContext http) =>
        TypedResults.Ok(ActorClaims.ToActor(http.User) is { } actor
            ? new Me(true, actor.UserId, actor.Name, actor.Grants)
            : new Me(false, null, null, []));

    internal sealed record SignInRequest([property: Required, StringLength(100, MinimumLength = 1)] string Username, [property: Required, StringLength(200, MinimumLength = 1)] string Password);

    internal sealed record Me(bool SignedIn, string? UserId, string? Name, IReadOnlyList<Grant> Grants);
}
