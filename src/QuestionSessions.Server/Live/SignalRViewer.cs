using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// One connection's bounded outbox. The relay only queues; a pump writes to the socket. A viewer whose
/// outbox fills is disconnected: its client reconnects and resumes from its last version, and nobody
/// else waited for it.
/// </summary>
internal sealed class SignalRViewer : IRelayViewer<SerializedHubMessage>
{
    public const int Capacity = 512;

    private readonly HubConnectionContext _connection;
    private readonly Channel<SerializedHubMessage> _outbox = Channel.CreateBounded<SerializedHubMessage>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly ILogger _logger;

    public SignalRViewer(HubConnectionContext connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _ = PumpAsync();
    }

    public string Id => _connection.ConnectionId;

    /// <summary>Streams this connection joined, to leave them all when it goes.</summary>
    public ConcurrentDictionary<string, byte> Streams { get; } = new(StringComparer.Ordinal);

    public bool TryDeliver(SerializedHubMessage message) => _outbox.Writer.TryWrite(message);

    public void Overflowed(string streamId)
    {
        _logger.LogInformation("Viewer {Connection} fell {Capacity} messages behind on {Stream}; disconnecting so it resumes by version", Id, Capacity, streamId);
        _outbox.Writer.TryComplete();
        _connection.Abort();
    }

    public void Complete() => _outbox.Writer.TryComplete();

    private async Task PumpAsync()
    {
        var aborted = _connection.ConnectionAborted;
        try
        {
            await foreach (var message in _outbox.Reader.ReadAllAsync(aborted))
            {
                await _connection.WriteAsync(message, aborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The connection went away; nothing left to deliver to it.
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Writing to viewer {Connection} failed", Id);
            _connection.Abort();
        }
    }
}
