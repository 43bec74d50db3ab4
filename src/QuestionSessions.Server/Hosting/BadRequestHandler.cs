using Microsoft.AspNetCore.Diagnostics;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// A body that is not JSON, or not the JSON an endpoint expects (an unknown enum value, a string for
/// a number), is the caller's mistake: 400 with what was wrong, never a 500.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
                Type = "urn:questionsessions:problem:unreadable_request",
                Extensions = { ["code"] = "unreadable_request" },
            },
        });
    }
}
