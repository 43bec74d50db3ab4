using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Domain.Sittings;
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

    /// <summary>Join a sitting; events after <paramref name="afterVersion"/> follow, then live ones.</summary>
    public async Task<JoinReply> Join(Guid sittingId, long afterVersion)
    {
        var viewer = viewers.Find(Context.ConnectionId) ?? throw new HubException("Connection is closing.");
        var stream = SittingGrain.StreamId(sittingId);
        if (afterVersion < 0)
        {
            throw new HubException("afterVersion is a stream version: 0 or more.");
        }

        if (!viewer.TryAddStream(stream, MaxSittingsPerConnection))
        {
            throw new HubException($"A connection watches at most {MaxSittingsPerConnection} sittings.");
        }

        var result = await relay.JoinAsync(stream, afterVersion, viewer, Context.ConnectionAborted);
        if (result.Outcome != JoinOutcome.Joined)
        {
            viewer.RemoveStream(stream);
        }

        return new JoinReply(result.Outcome, result.Version, result.CaughtUp);
    }

    public async Task Leave(Guid sittingId)
    {
        if (viewers.Find(Context.ConnectionId) is { } viewer)
        {
            var stream = SittingGrain.StreamId(sittingId);
            viewer.RemoveStream(stream);
            await relay.LeaveAsync(stream, viewer, Context.ConnectionAborted);
        }
    }
}
