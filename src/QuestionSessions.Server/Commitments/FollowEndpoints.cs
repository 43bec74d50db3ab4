using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

/// <summary>A commitment (key: its id), or an agency or official (key: its id, with the body).</summary>
internal sealed record FollowRequest(FollowKind Kind, [property: Required, StringLength(64)] string Key, [property: StringLength(64)] string? BodyId);

/// <summary>The follow list, and the secret token of its feed addresses (for feed readers, which send no cookie).</summary>
internal sealed record FollowsView(IReadOnlyList<Followed> Items, string FeedToken);

/// <summary>
/// A signed-in voter follows commitments, agencies and officials. The list lives in a grain whose state is
/// kept by Orleans' ADO.NET grain storage; its commitments are read from the ledger, and its Atom feed and
/// deadline calendar are served at addresses that carry the list's secret token.
/// </summary>
internal static class FollowEndpoints
{
    public static void MapFollows(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me/follows").WithTags("Follows").RequireAuthorization().AddEndpointFilter<Hosting.ShapeValidationFilter>();
        me.MapGet("/", Get);
        me.MapPost("/", Follow);
        me.MapPost("/remove", Unfollow);
        me.MapGet("/commitments", Commitments);

        var feeds = routes.MapGroup("/api/follows/{token}").WithTags("Follows");
        feeds.MapGet("/feed.atom", Atom).Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        feeds.MapGet("/deadlines.ics", Ics).Produces(StatusCodes.Status200OK, contentType: "text/calendar");
    }

    private static IFollowListGrain List(IGrainFactory grains, HttpContext http) =>
        grains.GetGrain<IFollowListGrain>(ActorClaims.ToActor(http.User)!.UserId);

    private static async Task<Ok<FollowsView>> Get(IGrainFactory grains, HttpContext http)
    {
        var list = await List(grains, http).Get();
        return TypedResults.Ok(new FollowsView(list.Items, Token(http, list.FeedSecret)));
    }

    private static async Task<IResult> Follow(FollowRequest request, IGrainFactory grains, IEventStore store, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var key = request.Key.Trim();
        string? bodyId = request.BodyId?.Trim();
        if (request.Kind == FollowKind.Commitment)
        {
            var found = Guid.TryParse(key, out var id)
                ? (await LedgerReader.PageAsync(store, new LedgerFilter(Id: id), VietnamTime.Today(time.GetUtcNow()), 0, 1, cancellationToken)).Items
                : [];
            if (found.Count == 0)
            {
                return Problems.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such commitment in the ledger.", "commitment_not_found");
            }

            (key, bodyId) = (id.ToString(), null);
        }
        else
        {
            var body = bodyId is { Length: > 0 } ? (await grains.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken))?.State : null;
            var known = request.Kind == FollowKind.Agency ? body?.Agencies.ContainsKey(key) : body?.Officials.ContainsKey(key);
            if (known != true)
            {
                return Problems.Problem(StatusCodes.Status404NotFound, "Not found",
                    $"The body has no such {(request.Kind == FollowKind.Agency ? "agency" : "official")}; name the body and its id.", "follow_target_not_found");
            }
        }

        return await List(grains, http).Follow(new Followed(request.Kind, key, bodyId))
            ? TypedResults.NoContent()
            : Problems.Problem(StatusCodes.Status409Conflict, "Follow list full", $"A list follows at most {FollowListGrain.MaxItems} items; unfollow some first.", "follow_list_full");
    }

    private static async Task<NoContent> Unfollow(FollowRequest request, IGrainFactory grains, HttpContext http)
    {
        var key = request.Kind == FollowKind.Commitment && Guid.TryParse(request.Key, out var id) ? id.ToString() : request.Key.Trim();
        await List(grains, http).Unfollow(new Followed(request.Kind, key, request.Kind == FollowKind.Commitment ? null : request.BodyId?.Trim()));
        return TypedResults.NoContent();
    }

    /// <summary>The commitments the list follows, directly or through their agency or official, in deadline order.</summary>
    private static async Task<Results<Ok<LedgerPage>, ProblemHttpResult>> Commitments(
        int? offset, int? limit, IGrainFactory grains, IEventStore store, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > LedgerReader.MaxPage || offset is < 0)
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Bad page",
                $"limit is 1 to {LedgerReader.MaxPage} and offset is not negative.", "page_size");
        }

        var list = await List(grains, http).Get();
        return TypedResults.Ok(await LedgerReader.PageAsync(
            store, new LedgerFilter(Follows: list.Items), VietnamTime.Today(time.GetUtcNow()), offset ?? 0, limit ?? 50, cancellationToken));
    }

    private static async Task<IResult> Atom(string token, IGrainFactory grains, IEventStore store, TimeProvider time, HttpContext http)
    {
        if (await FromToken(grains, token) is not { } list)
        {
            return FeedNotFound();
        }

        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var feed = await CommitmentFeeds.AtomAsync(store, new LedgerFilter(Follows: list.Items), VietnamTime.Today(time.GetUtcNow()), site,
            new Uri(site, http.Request.Path), "Cam kết tôi theo dõi", http.RequestAborted);
        return TypedResults.Text(feed, "application/atom+xml; charset=utf-8");
    }

    private static async Task<IResult> Ics(string token, IGrainFactory grains, IEventStore store, TimeProvider time, HttpContext http)
    {
        if (await FromToken(grains, token) is not { } list)
        {
            return FeedNotFound();
        }

        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var calendar = await CommitmentFeeds.CalendarAsync(store, new LedgerFilter(Follows: list.Items), VietnamTime.Today(time.GetUtcNow()), site,
            "Cam kết tôi theo dõi", http.RequestAborted);
        return TypedResults.Text(calendar, "text/calendar; charset=utf-8");
    }

    private static string Token(HttpContext http, string secret) => $"{ActorClaims.ToActor(http.User)!.UserId}.{secret}";

    private static async Task<FollowListView?> FromToken(IGrainFactory grains, string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < token.Length - 1 && token.Length <= 200
            ? await grains.GetGrain<IFollowListGrain>(token[..dot]).ForFeed(token[(dot + 1)..])
            : null;
    }

    private static IResult FeedNotFound() =>
        Problems.Problem(StatusCodes.Status404NotFound, "Not found", "No follow list has this feed address.", "feed_not_found");
}
