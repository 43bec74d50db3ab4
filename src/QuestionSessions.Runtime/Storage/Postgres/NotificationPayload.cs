using System.Globalization;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>The NOTIFY payload: <c>stream_id TAB version</c>. Split at the last tab, so a tab inside a stream id survives.</summary>
internal static class NotificationPayload
{
    public static string Format(string streamId, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{streamId}\t{version}");

    public static bool TryParse(string payload, out StreamMoved moved)
    {
        var tab = payload.LastIndexOf('\t');
        if (tab > 0 && long.TryParse(payload.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            moved = new StreamMoved(payload[..tab], version);
            return true;
        }

        moved = default;
        return false;
    }
}
