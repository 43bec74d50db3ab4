using QuestionSessions.Domain;

namespace QuestionSessions.Server.Sittings;

/// <summary>RFC 7807 problems with a stable <c>code</c> a client can branch on.</summary>
internal static class Problems
{
    public static IResult From(DomainError error) => Problem(
        error.Kind switch
        {
            ErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            _ => StatusCodes.Status409Conflict,
        },
        error.Kind switch
        {
            ErrorKind.Invalid => "The request cannot be carried out as written",
            ErrorKind.Forbidden => "Not allowed",
            ErrorKind.NotFound => "Not found",
            _ => "Not possible at this point of the sitting",
        },
        error.Message,
        error.Code);

    public static IResult Unauthorized() =>
        Problem(StatusCodes.Status401Unauthorized, "Sign in required", "Sign in to take this step.", "sign_in_required");

    public static IResult BadHeader() =>
        Problem(StatusCodes.Status400BadRequest, "Bad header", "If-Match must be a quoted version number and Idempotency-Key at most 200 characters.", "bad_header");

    public static IResult PreconditionFailed(long current) =>
        Problem(StatusCodes.Status412PreconditionFailed, "The sitting has changed", $"The sitting is now at version {current}; reload and try again.", "version_mismatch");

    public static IResult Busy() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "The sitting is busy", "Other changes to this sitting kept arriving first and nothing was recorded; try again.", "sitting_busy");

    public static IResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: $"urn:questionsessions:problem:{code}",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
