using Microsoft.AspNetCore.SignalR;

namespace QuestionSessions.Benchmarks.Servers;

/// <summary>The textbook hub: Join adds the connection to the sitting's group, nothing else.</summary>
internal sealed class BareHub(ConnectionCounter connections) : Hub
{
    public const string Path = "/hubs/bare";

    public async Task<BareJoinReply> Join(Guid sittingId, long afterVersion)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, sittingId.ToString(), Context.ConnectionAborted);
        return new BareJoinReply("joined", afterVersion, 0);
    }

    public override Task OnConnectedAsync()
    {
        connections.Opened();
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed();
        return Task.CompletedTask;
    }
}

internal sealed record BareJoinReply(string Outcome, long Version, int CaughtUp);

/// <summary>How many connections the bare hub holds, for the memory scenario's check.</summary>
internal sealed class ConnectionCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Opened() => Interlocked.Increment(ref _count);

    public void Closed() => Interlocked.Decrement(ref _count);
}
