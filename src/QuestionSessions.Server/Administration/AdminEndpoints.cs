using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Administration;

/// <summary>
/// Setting up a deployment from an empty database: bodies, terms, members, agencies, officials, rules profiles,
/// sessions, accounts and their roles. Every change but an account's password is a body event, decided by the
/// body decider (which refuses anyone but the body's or the system's administrator), so the history is public.
/// </summary>
internal static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdministration(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin").WithTags("Administration");
        var bodies = group.MapGroup("/bodies").MapCommandGroup("");
        bodies.MapPost("/", Establish);
        bodies.MapPost("/{bodyId}/term", (string bodyId, BeginTermRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new BeginTerm(r.Term, r.StartsOn, r.EndsOn, a, now)));
        bodies.MapPost("/{bodyId}/members", (string bodyId, SeatMemberRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new SeatMember(new Member(r.MemberId.Trim(), r.Name.Trim(), r.Group?.Trim() ?? ""), a, now)));
        bodies.MapPost("/{bodyId}/agencies", (string bodyId, RegisterAgencyRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new RegisterAgency(new Agency(r.AgencyId, r.Name, r.NameEn ?? ""), a, now)));
        bodies.MapPost("/{bodyId}/officials", Appoint);
        bodies.MapPost("/{bodyId}/members/{memberId}/unseating", (string bodyId, string memberId, DepartureRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new UnseatMember(memberId, r.Reason, r.On ?? VietnamTime.Today(now), a, now)));
        bodies.MapPost("/{bodyId}/officials/{officialId}/relief", (string bodyId, string officialId, DepartureRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new RelieveOfficial(officialId, r.Reason, r.On ?? VietnamTime.Today(now), a, now)));
        bodies.MapPost("/{bodyId}/rules-profiles", (string bodyId, RulesProfile r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new AdoptRulesProfile(r, a, now)));
        bodies.MapPost("/{bodyId}/sessions", (string bodyId, ScheduleSessionRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new ScheduleSession(r.Number, r.OpensOn, a, now)));
        bodies.MapPost("/{bodyId}/grants", Grant);
        bodies.MapPost("/{bodyId}/grants/revocation", (string bodyId, RevokeRoleRequest r, CommandRunner runner, IGrainFactory g, HttpContext h) =>
            runner.RunAsync(h, g.GetGrain<IBodyGrain>(bodyId), (a, now) => new RevokeRole(bodyId, r.UserId, r.Role, r.PersonId, r.Reason, a, now)));

        var reads = group.MapGroup("").RequireAuthorization();
        reads.MapGet("/bodies/{bodyId}/rules-profile/defaults", Defaults)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/accounts", Accounts).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        reads.MapPost("/accounts", CreateAccount).AddEndpointFilter<ShapeValidationFilter>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static Task<IResult> Establish(EstablishBodyRequest r, CommandRunner runner, IGrainFactory grains, HttpContext http) =>
        runner.RunAsync(http, grains.GetGrain<IBodyGrain>(r.BodyId.Trim()), (a, now) => new EstablishBody(
            r.BodyId.Trim(), r.Kind, r.Name, r.NameEn ?? "", r.ParentBodyId is { Length: > 0 } p ? p.Trim() : null, r.Term ?? "", a, now));

    private static async Task<IResult> Appoint(
        string bodyId, AppointOfficialRequest r, CommandRunner runner, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IBodyGrain>(bodyId);
        var agencyId = r.AgencyId is { Length: > 0 } id ? id.Trim() : null;
        // The agency's name as spoken defaults to its registered name; whether it is registered is the decider's to say.
        var spoken = r.Agency is { Length: > 0 } named ? named.Trim()
            : agencyId is not null && (await grain.Get(cancellationToken))?.State.Agencies.GetValueOrDefault(agencyId) is { } agency ? agency.Name : "";
        return await runner.RunAsync(http, grain, (a, now) => new AppointOfficial(
            new Official(r.OfficialId.Trim(), r.Name.Trim(), r.Office.Trim(), spoken, agencyId), a, now));
    }

    /// <summary>Gives a role to the account named by its username, in the body (or <c>*</c>: every body, administrators only).</summary>
    private static async Task<IResult> Grant(
        string bodyId, GrantRoleRequest r, AccountStore accounts, CommandRunner runner, IGrainFactory grains, HttpContext http, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor || !IsAdministrator(actor))
        {
            return NotAdministrator();
        }

        if (await accounts.FindAsync(r.Username, cancellationToken) is not { } account)
        {
            return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no account with this username.", "account_not_found");
        }

        return await runner.RunAsync(http, grains.GetGrain<IBodyGrain>(bodyId), (a, now) =>
            new GrantRole(bodyId, account.UserId, account.DisplayName, r.Role, r.PersonId, a, now));
    }

    private static async Task<Results<Ok<RulesProfile>, ProblemHttpResult>> Defaults(
        string bodyId, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is not ({ Exists: true } body, _))
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such body.", "body_not_found");
        }

        var today = VietnamTime.Today(time.GetUtcNow());
        return TypedResults.Ok(RulesProfile.LegalDefaults(body.Kind, today > RulesProfile.LawInForce ? today : RulesProfile.LawInForce));
    }

    private static async Task<Results<Ok<IReadOnlyList<AccountSummary>>, ProblemHttpResult>> Accounts(
        AccountStore accounts, HttpContext http, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor || !IsAdministrator(actor))
        {
            return NotAdministrator();
        }

        return TypedResults.Ok<IReadOnlyList<AccountSummary>>(
            [.. (await accounts.ListAsync(cancellationToken)).Select(a => new AccountSummary(a.UserId, a.Username, a.DisplayName, a.Grants))]);
    }

    private static async Task<Results<Ok<AccountCreated>, ProblemHttpResult>> CreateAccount(
        CreateAccountRequest r, AccountStore accounts, HttpContext http, CancellationToken cancellationToken)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor || !IsAdministrator(actor))
        {
            return NotAdministrator();
        }

        var oneTime = r.Password is { Length: > 0 } ? null : OneTimePassword();
        var password = r.Password is { Length: > 0 } given ? given : oneTime!;
        if (PasswordRules.Problem(r.Username, password) is { } weak)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Weak password", weak, "password_weak");
        }

        if (await accounts.CreateWithoutGrantsAsync(r.Username, r.DisplayName.Trim(), password, cancellationToken) is not { } account)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status409Conflict, "Username taken", "An account with this username exists.", "username_taken");
        }

        return TypedResults.Ok(new AccountCreated(account.UserId, account.Username, account.DisplayName, oneTime));
    }

    /// <summary>Any administrator (of a body or of all) manages accounts; which roles they may grant is the body decider's.</summary>
    private static bool IsAdministrator(Actor actor) => actor.Grants.Any(g => g.Role == Role.Admin);

    private static ProblemHttpResult NotAdministrator() =>
        (ProblemHttpResult)Problems.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only an administrator manages accounts.", "admin_required");

    // 15 characters from an alphabet without look-alikes (0/O, 1/l/I): about 85 bits.
    private static string OneTimePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 15);
}
