using Microsoft.AspNetCore.Mvc;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Every problem carries a <c>code</c> a client can branch on. Ours set theirs; the ones the framework writes for
/// a bare status (an unknown path, a body type an endpoint does not read, a missing sign-in) get one here.
/// </summary>
internal static class StatusProblems
{
    public static void AddCode(ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        problem.Extensions["code"] = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => "sign_in_required",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
            StatusCodes.Status413PayloadTooLarge => "request_too_large",
            StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
            StatusCodes.Status429TooManyRequests => "too_many_requests",
            >= 500 => "server_error",
            _ => "bad_request",
        };
    }
}
