namespace QuestionSessions.Domain.Sittings;

/// <summary>
/// Where a sitting's video may come from. A player page is shown in a sandboxed frame that runs its own
/// scripts, so only the hosts of known broadcasters may fill it; a media file plays in a plain video element
/// and may come from any host. Both only over https: the watch page is public and its video must not be
/// swapped on the way.
/// </summary>
public static class VideoSource
{
    /// <summary>
    /// The player hosts allowed when the deployment names none (<c>Video:AllowedHosts</c>): YouTube's embed
    /// hosts, Vimeo's player, the National Assembly's portal and television (Truyền hình Quốc hội) and VTV.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultHosts =
    [
        "www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com",
        "quochoi.vn", "quochoitv.vn", "vtv.vn", "vtvgo.vn",
    ];

    private static readonly string[] MediaExtensions = [".mp4", ".webm", ".m3u8"];

    /// <summary>A video file the browser plays itself, not a page to frame.</summary>
    public static bool IsMediaFile(Uri uri) =>
        MediaExtensions.Any(e => uri.AbsolutePath.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the https address <paramref name="uri"/> may be shown; otherwise why not, naming the allowed hosts.</summary>
    public static string? Problem(Uri uri, IReadOnlyList<string> allowedHosts) =>
        IsMediaFile(uri) || allowedHosts.Contains(uri.IdnHost, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"Only players on {Hosts(allowedHosts)} may be embedded, or an https .mp4, .webm or .m3u8 file; {uri.IdnHost} is not one of them.";

    private static string Hosts(IReadOnlyList<string> hosts) => hosts.Count == 0 ? "no host" : string.Join(", ", hosts);
}
