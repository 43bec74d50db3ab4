using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// Sittings are public: anyone may watch. The hub only joins and leaves; events are pushed by the
/// relay after commit, never sent from here.
/// </summary>
[AllowAnonymous]
internal sealed class SittingsHub(StreamRelay<SerializedHubMessage> relay, ViewerRegistry viewers) : Hub
{
    public const string Path = "/hubs/sittings";

    /// <summary>A screen watches one sitting, a wall a few; more is a mistake or abuse.</summary>
    public const int MaxSittingsPerConnection = 8;

    /// <summary>A follow list's page watches its commitments: at most this many on one connection.</summary>
    public const int MaxCommitmentsPerConnection = FollowListGrain.MaxItems;

    /// <summary>Join a sitting; events after <paramref name="afterVersion"/> follow, then live ones.</summary>
    public Task<JoinReply> Join(Guid sittingId, long afterVersion) =>
        JoinStreamAsync(SittingGrain.StreamId(sittingId), afterVersion, MaxSittingsPerConnection, "sittings");

    /// <summary>
    /// Watch one commitment of the ledger (a follow list's page): its events after <paramref name="afterVersion"/>,
    /// then live ones, the same way as a sitting's.
    /// </summary>
    public Task<JoinReply> WatchCommitment(Guid commitmentId, long afterVersion) =>
        JoinStreamAsync(CommitmentGrain.StreamId(commitmentId), afterVersion, MaxSittingsPerConnection + MaxCommitmentsPerConnection, "streams");

    public Task UnwatchCommitment(Guid commitmentId) => LeaveStreamAsync(CommitmentGrain.StreamId(commitmentId));

    private async Task<JoinReply> JoinStreamAsync(string stream, long afterVersion, int max, string what)
    {
        var viewer = viewers.Find(Context.ConnectionId) ?? throw new HubException("Connection is closing.");
        if (afterVersion < 0)
        {
            throw new HubException("afterVersion is a stream version: 0 or more.");
        }

        if (!viewer.TryAddStream(stream, max))
        {
            throw new HubException($"A connection watches at most {max} {what}.");
        }

        var result = await relay.JoinAsync(stream, afterVersion, viewer, Context.ConnectionAborted);
        if (result.Outcome != JoinOutcome.Joined)
        {
            viewer.RemoveStream(stream);
        }

        return new JoinReply(result.Outcome, result.Version, result.CaughtUp);
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
}
