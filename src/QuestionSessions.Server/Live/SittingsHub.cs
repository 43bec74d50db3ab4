using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Sittings are public: anyone may watch. The hub only joins and leaves; events are pushed by the
/// relay after commit, never sent from here. A join that cannot be right (an unknown sitting, a
/// negative version, too many streams) is answered with a <see cref="JoinReply"/> saying so rather than
/// an exception: it is the client's mistake, logged as such, where a thrown one would be logged by
/// SignalR as a server error and reach the client as a generic failure.
/// </summary>
[AllowAnonymous]
internal sealed partial class SittingsHub(StreamRelay<SerializedHubMessage> relay, ViewerRegistry viewers, ILogger<SittingsHub> logger) : Hub
{
    public const string Path = "/hubs/sittings";

    /// <summary>A screen watches one sitting, a wall a few; more is a mistake or abuse.</summary>
    public const int MaxSittingsPerConnection = 8;

    /// <summary>A follow list's page watches its commitments: at most this many on one connection.</summary>
    public const int MaxCommitmentsPerConnection = FollowListGrain.MaxItems;

    /// <summary>Join a sitting; events after <paramref name="afterVersion"/> follow, then live ones.</summary>
    public Task<JoinReply> Join(Guid sittingId, long afterVersion) =>
        JoinStreamAsync(SittingGrain.StreamId(sittingId), afterVersion, MaxSittingsPerConnection, "sitting");

    /// <summary>
    /// Watch one commitment of the ledger (a follow list's page): its events after <paramref name="afterVersion"/>,
    /// then live ones, the same way as a sitting's.
    /// </summary>
    public Task<JoinReply> WatchCommitment(Guid commitmentId, long afterVersion) =>
        JoinStreamAsync(CommitmentGrain.StreamId(commitmentId), afterVersion, MaxSittingsPerConnection + MaxCommitmentsPerConnection, "commitment");

    public Task UnwatchCommitment(Guid commitmentId) => LeaveStreamAsync(CommitmentGrain.StreamId(commitmentId));

    private async Task<JoinReply> JoinStreamAsync(string stream, long afterVersion, int max, string what)
    {
        if (viewers.Find(Context.ConnectionId) is not { } viewer)
        {
            return Refuse(stream, "The connection is closing.");
        }

        if (afterVersion < 0)
        {
            return Refuse(stream, "afterVersion is a stream version: 0 or more.");
        }

        if (!viewer.TryAddStream(stream, max))
        {
            return Refuse(stream, $"A connection watches at most {max} {what}s.");
        }

        var result = await relay.JoinAsync(stream, afterVersion, viewer, Context.ConnectionAborted);
        if (result.Version == 0)
        {
            // A stream at version 0 has no events: nothing by that id was ever created. Joining it would wait forever.
            await LeaveStreamAsync(stream);
            LogRefused(logger, Context.ConnectionId, stream, "not found");
            return JoinReply.NotFound(what);
        }

        if (result.Outcome != JoinOutcome.Joined)
        {
            viewer.RemoveStream(stream);
        }

        return JoinReply.From(result);
    }

    private JoinReply Refuse(string stream, string detail)
    {
        LogRefused(logger, Context.ConnectionId, stream, detail);
        return JoinReply.Refused(detail);
    }

    private async Task LeaveStreamAsync(string stream)
    {
        if (viewers.Find(Context.ConnectionId) is { } viewer)
        {
            viewer.RemoveStream(stream);
            await relay.LeaveAsync(stream, viewer, Context.ConnectionAborted);
        }
    }

    public Task Leave(Guid sittingId) => LeaveStreamAsync(SittingGrain.StreamId(sittingId));

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} was refused {Stream}: {Reason} (a client's mistake)")]
    private static partial void LogRefused(ILogger logger, string connectionId, string stream, string reason);
}
