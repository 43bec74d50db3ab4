using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// SignalR's own lifetime manager, plus a viewer per connection for sitting events. The relay writes one
/// pre-serialized message to each viewer instead of using groups, so one slow viewer (bounded backlog,
/// then disconnected) cannot hold up a broadcast.
/// </summary>
internal sealed class SittingsHubLifetimeManager(
    ILogger<DefaultHubLifetimeManager<SittingsHub>> logger,
    ILogger<SignalRViewer> viewerLogger,
    ViewerRegistry viewers,
    StreamRelay<SerializedHubMessage> relay) : DefaultHubLifetimeManager<SittingsHub>(logger)
{
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await base.OnConnectedAsync(connection);
        viewers.Add(new SignalRViewer(connection, viewerLogger));
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        if (viewers.Remove(connection.ConnectionId) is { } viewer)
        {
            viewer.Complete();
            foreach (var stream in viewer.Streams)
            {
                await relay.LeaveAsync(stream, viewer, CancellationToken.None);
            }
        }

        await base.OnDisconnectedAsync(connection);
    }
}
