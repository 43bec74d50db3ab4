using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Accounts;

internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Accounts").AddEndpointFilter<ShapeValidationFilter>();
        group.MapPost("/sign-in", SignIn).RequireRateLimiting(Extensions.SignInRateLimit)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/sign-out", SignOut).RequireAuthorization();
        group.MapPost("/sign-out-everywhere", SignOutEverywhere).RequireAuthorization();
        group.MapPost("/register", Registration.Register).RequireRateLimiting(Extensions.RegistrationRateLimit);
        group.MapGet("/me", WhoAmI);
        return group;
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignIn(
        SignInRequest request, AccountStore accounts, LockoutStore lockouts, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var username = request.Username.Normalize(System.Text.NormalizationForm.FormC);
        var lockout = await lockouts.GetAsync(username, cancellationToken);
        // Verified even when locked, so a locked name answers as slowly as any other: the timing tells nothing.
        var account = await accounts.VerifyAsync(username, request.Password, cancellationToken);
        if (lockout.IsLocked(clock.GetUtcNow()))
        {
            return Locked(http, lockout, clock);
        }

        if (account is null)
        {
            lockout = await lockouts.RecordFailureAsync(username, lockout, cancellationToken);
            return lockout.IsLocked(clock.GetUtcNow())
                ? Locked(http, lockout, clock)
                : (ProblemHttpResult)Problems.Problem(StatusCodes.Status401Unauthorized, "Sign-in failed", "The username or password is wrong.", "sign_in_failed");
        }

        if (lockout != LockoutState.None)
        {
            await lockouts.ClearAsync(username, cancellationToken);
        }

        await SessionCookie.SignInAsync(http, account, cancellationToken);
        return TypedResults.Ok(Me.Of(account));
    }

    private static ProblemHttpResult Locked(HttpContext http, LockoutState lockout, TimeProvider clock)
    {
        var wait = lockout.LockedUntil!.Value - clock.GetUtcNow();
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var result = (ProblemHttpResult)Problems.Problem(StatusCodes.Status429TooManyRequests, "Sign-in locked",
            $"Too many failed sign-ins for this username. Try again in {Math.Ceiling(wait.TotalMinutes)} minutes.", "account_locked");
        result.ProblemDetails.Extensions["retryAfterSeconds"] = seconds;
        return result;
    }

    private static async Task<NoContent> SignOut(HttpContext http, SessionStore sessions, CancellationToken cancellationToken)
    {
        if (SessionCookie.SessionId(http.User) is { } sessionId)
        {
            await sessions.RevokeAsync(sessionId, cancellationToken);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of the caller, on every device, this one included.</summary>
    private static async Task<Ok<SignedOut>> SignOutEverywhere(HttpContext http, SessionStore sessions, CancellationToken cancellationToken)
    {
        var ended = ActorClaims.ToActor(http.User) is { } actor ? await sessions.RevokeAllAsync(actor.UserId, cancellationToken) : 0;
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Ok(new SignedOut(ended));
    }

    private static Ok<Me> WhoAmI(HttpContext http) =>
        TypedResults.Ok(ActorClaims.ToActor(http.User) is { } actor
            ? new Me(true, actor.UserId, actor.Name, actor.Grants)
            : new Me(false, null, null, []));

    internal sealed record SignInRequest([property: Required, StringLength(100, MinimumLength = 1)] string Username, [property: Required, StringLength(200, MinimumLength = 1)] string Password);

    internal sealed record Me(bool SignedIn, string? UserId, string? Name, IReadOnlyList<Grant> Grants)
    {
        public static Me Of(Account account) => new(true, account.UserId, account.DisplayName, account.Grants);
    }

    /// <summary>How many sessions were ended.</summary>
    internal sealed record SignedOut(int Sessions);
}
