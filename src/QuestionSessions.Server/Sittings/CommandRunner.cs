using System.Globalization;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Telemetry;
using QuestionSessions.Server.Accounts;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// Runs one sitting command for an HTTP request: the actor from the cookie, the time from the
/// injected clock, <c>Idempotency-Key</c> and <c>If-Match</c> from the headers, and the outcome as
/// a typed result or an RFC 7807 problem.
/// </summary>
internal sealed class CommandRunner(IGrainFactory grains, TimeProvider time)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public Task<IResult> RunAsync(HttpContext http, Guid sittingId, Func<Actor, DateTimeOffset, SittingCommand> command, Guid? createdId = null) =>
        RunAsync(http, grains.GetGrain<ISittingGrain>(sittingId), command, createdId);

    /// <summary>The same for any aggregate grain (commitments, bodies).</summary>
    public async Task<IResult> RunAsync<TCommand, TState>(
        HttpContext http, IAggregateGrain<TCommand, TState> grain, Func<Actor, DateTimeOffset, TCommand> command, Guid? createdId = null)
        where TCommand : class, ICommand
        where TState : class
    {
        if (ActorClaims.ToActor(http.User) is not { } actor)
        {
            return Problems.Unauthorized();
        }

        if (ReadOptions(http) is not { } options)
        {
            return Problems.BadHeader();
        }

        return Result(http, await grain.ExecuteAsync(command(actor, time.GetUtcNow()), options, http.RequestAborted), createdId);
    }

    /// <summary>
    /// A command the public sends (filing a petition or a request, rating with a filer's secret): the endpoint
    /// chooses the actor, and no idempotency key or version is passed on, since a key kept in the event's
    /// metadata would outlive the filer's erasure. Retries stay safe because such endpoints derive their ids
    /// from the key and the domain takes a repeated filing as a no-op.
    /// </summary>
    public static async Task<(CommandReply Reply, IResult Result)> RunPublicAsync<TCommand, TState>(
        HttpContext http, IAggregateGrain<TCommand, TState> grain, TCommand command, Guid? createdId = null)
        where TCommand : class, ICommand
        where TState : class
    {
        var reply = await grain.ExecuteAsync(command, new CommandOptions(CorrelationId: http.TraceIdentifier), http.RequestAborted);
        return (reply, Result(http, reply, createdId));
    }

    /// <summary>A grain's reply as the HTTP answer: CommandAccepted with the version as ETag, or the problem.</summary>
    public static IResult Result(HttpContext http, CommandReply reply, Guid? createdId = null)
    {
        if (reply.Outcome == CommandOutcome.Busy)
        {
            // Another writer won the race for this aggregate through every retry. Nothing was written, and
            // the same request later will be decided afresh: a busy aggregate, not a server fault.
            http.Response.Headers.RetryAfter = "1";
            QsMetrics.RecordBusyRefusal("aggregate_busy");
            return Problems.Busy();
        }

        http.Response.Headers.ETag = ETag(reply.Version);
        return reply.Outcome switch
        {
            CommandOutcome.Accepted or CommandOutcome.Repeated => TypedResults.Ok(new CommandAccepted(reply.Version, createdId)),
            CommandOutcome.PreconditionFailed => Problems.PreconditionFailed(reply.Version),
            _ => Problems.From(reply.Error!),
        };
    }

    /// <summary>
    /// A new id for something the command creates. With an idempotency key it is derived from the key,
    /// so a retried request names the same turn or question as the first one did.
    /// </summary>
    public static Guid NewId(HttpContext http, Guid sittingId, string purpose)
    {
        if (http.Request.Headers[IdempotencyHeader].ToString() is not { Length: > 0 } key)
        {
            return Guid.CreateVersion7();
        }

        return DerivedId.Of($"{sittingId:N}|{purpose}|{key}");
    }

    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Null when a header is malformed.</summary>
    private static CommandOptions? ReadOptions(HttpContext http)
    {
        string? key = http.Request.Headers[IdempotencyHeader].ToString() is { Length: > 0 } k ? k : null;
        if (key is { Length: > 200 })
        {
            return null;
        }

        long? expected = null;
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0)
        {
            var trimmed = ifMatch.Trim().TrimStart('W', '/').Trim('"');
            if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return null;
            }

            expected = version;
        }

        return new CommandOptions(key, expected, http.TraceIdentifier);
    }
}
