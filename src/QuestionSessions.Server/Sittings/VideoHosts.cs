using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// The player hosts a sitting's video may be framed from: <c>Video:AllowedHosts</c> (host names, e.g.
/// <c>www.youtube-nocookie.com</c>), else <see cref="VideoSource.DefaultHosts"/>. The decider checks a new
/// address against them and the Content-Security-Policy's <c>frame-src</c> names the same hosts.
/// </summary>
internal sealed record VideoHosts(IReadOnlyList<string> Hosts)
{
    public static VideoHosts From(IConfiguration configuration) =>
        new(configuration.GetSection("Video:AllowedHosts").Get<string[]>() is { Length: > 0 } configured
            ? [.. configured.Select(h => h.Trim().ToLowerInvariant()).Where(h => h.Length > 0).Distinct()]
            : VideoSource.DefaultHosts);
}
