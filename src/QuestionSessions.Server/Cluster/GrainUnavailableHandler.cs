using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Server.Cluster;

/// <summary>
/// A grain call that timed out, or whose silo died or could not be reached, is a passing state of the
/// cluster, not a fault of the request: 503 with Retry-After, never a 500. The command may or may not have
/// been recorded; the same request with the same <c>Idempotency-Key</c> finds out and writes nothing twice.
/// </summary>
internal sealed class GrainUnavailableHandler(IProblemDetailsService problems, ILogger<GrainUnavailableHandler> logger) : IExceptionHandler
{
    public const string RetryAfterSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogWarning("{Method} {Path}: a grain could not answer ({Error}); answered 503",
            httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        QsMetrics.RecordBusyRefusal("grain_unavailable");
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = "The server holding this record did not answer in time (a node may have just stopped). "
                    + "Try again shortly; a command sent again with the same Idempotency-Key is recorded at most once.",
                Type = "urn:questionsessions:problem:temporarily_unavailable",
                Extensions = { ["code"] = "temporarily_unavailable" },
            },
        });
    }

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        TimeoutException or OrleansMessageRejectionException or ConnectionFailedException or GatewayTooBusyException => true,
        AggregateException { InnerExceptions.Count: 1 } a => IsUnavailable(a.InnerExceptions[0]),
        _ => false,
    };
}
