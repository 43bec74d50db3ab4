using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Puts the browser's protections on every response (the app, its files, the API, problems, the document):
/// a Content-Security-Policy that runs only the app's own scripts and styles, frames only the allowed video
/// players (<see cref="VideoHosts"/>) and lets no other site frame the app, with nosniff, DENY framing and a
/// referrer kept to the origin. Set when the response starts, so an error page written after the exception
/// handler cleared the headers carries them too.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, VideoHosts video)
{
    private readonly string _policy = Policy(video);

    /// <remarks>
    /// <c>connect-src 'self'</c> covers the hub's WebSocket on the same origin (CSP 3 matches ws: and wss: to
    /// 'self'). Images may be https (a transcript may show one); media files play from any https host, as
    /// the decider accepts them from any host.
    /// </remarks>
    public static string Policy(VideoHosts video)
    {
        var frames = video.Hosts.Count == 0 ? "'none'" : string.Join(' ', video.Hosts.Select(h => $"https://{h}"));
        return string.Join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: https:", "font-src 'self'",
            "connect-src 'self'", "media-src 'self' https:", $"frame-src {frames}", "frame-ancestors 'none'", "object-src 'none'",
            "base-uri 'self'", "form-action 'self'");
    }

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (response, policy) = ((HttpResponse, string))state;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, (context.Response, _policy));
        return next(context);
    }
}
