namespace QuestionSessions.Server.Live;

/// <summary>Hub method names shared with clients; the web client mirrors these constants.</summary>
internal static class HubMethods
{
    /// <summary>Client → server: join a sitting from a version, answered with a <see cref="JoinReply"/>.</summary>
    public const string Join = "Join";

    public const string Leave = "Leave";

    /// <summary>Client → server: watch a commitment from a version (a follow list's page), answered like a join.</summary>
    public const string WatchCommitment = "WatchCommitment";

    public const string UnwatchCommitment = "UnwatchCommitment";

    /// <summary>Server → client: one <see cref="LiveEvent"/>.</summary>
    public const string Event = "event";
}
