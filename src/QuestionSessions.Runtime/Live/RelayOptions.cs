namespace QuestionSessions.Runtime.Live;

public sealed class RelayOptions
{
    /// <summary>How often the feed is read even without a notification (a notification can be lost on reconnect).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A viewer further behind than this reloads the state instead of replaying events.</summary>
    public int MaxCatchUp { get; set; } = 2_000;

    public int FeedPage { get; set; } = 500;
}
