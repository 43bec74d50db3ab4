using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Runtime.Live;

namespace QuestionSessions.Server.Live;

/// <summary>
/// One connection as a viewer. A message is written straight to the connection when no write is in
/// flight (the usual case: the socket's pipe takes it at once), so a broadcast costs what SignalR's own
/// group send costs and no task waits per viewer. While a write is pending, later messages queue in
/// order, up to <see cref="Capacity"/>; a viewer that falls that far behind is disconnected, its client
/// resumes from its last version, and nobody else waited for it.
/// </summary>
internal sealed class SignalRViewer : IRelayViewer<SerializedHubMessage>
{
    public const int Capacity = 512;

    private readonly HubConnectionContext _connection;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Queue<SerializedHubMessage>? _backlog;
    private string[] _streams = [];
    private bool _writing;
    private bool _closed;

    public SignalRViewer(HubConnectionContext connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
    }

    public string Id => _connection.ConnectionId;

    /// <summary>Streams this connection joined, to leave them all when it goes.</summary>
    public IReadOnlyList<string> Streams
    {
        get
        {
            lock (_gate)
            {
                return _streams;
            }
        }
    }

    /// <summary>Adds <paramref name="stream"/> unless the connection already watches <paramref name="max"/> streams.</summary>
    public bool TryAddStream(string stream, int max)
    {
        lock (_gate)
        {
            if (_streams.Contains(stream))
            {
                return true;
            }

            if (_streams.Length >= max)
            {
                return false;
            }

            _streams = [.. _streams, stream];
            return true;
        }
    }

    public void RemoveStream(string stream)
    {
        lock (_gate)
        {
            _streams = [.. _streams.Where(s => s != stream)];
        }
    }

    public bool TryDeliver(SerializedHubMessage message)
    {
        lock (_gate)
        {
            if (_closed)
            {
                // The connection is going away; its client resumes by version on a new one.
                return true;
            }

            if (_writing)
            {
                _backlog ??= new Queue<SerializedHubMessage>();
                if (_backlog.Count >= Capacity)
                {
                    return false;
                }

                _backlog.Enqueue(message);
                return true;
            }

            _writing = true;
        }

        Write(message);
        return true;
    }

    public void Overflowed(string streamId)
    {
        _logger.LogInformation("Viewer {Connection} fell {Capacity} messages behind on {Stream}; disconnecting so it resumes by version", Id, Capacity, streamId);
        Complete();
        _connection.Abort();
    }

    public void Complete()
    {
        lock (_gate)
        {
            _closed = true;
            _backlog = null;
        }
    }

    // Writes until the backlog is empty or a write has to wait; the waiting write's continuation goes on.
    private void Write(SerializedHubMessage message)
    {
        while (true)
        {
            ValueTask pending;
            try
            {
                pending = _connection.WriteAsync(message, _connection.ConnectionAborted);
            }
            catch (Exception e)
            {
                Fail(e);
                return;
            }

            if (!pending.IsCompletedSuccessfully)
            {
                _ = ContinueAsync(pending);
                return;
            }

            pending.GetAwaiter().GetResult();
            if (!TryTakeNext(out message))
            {
                return;
            }
        }
    }

    private async Task ContinueAsync(ValueTask pending)
    {
        try
        {
            await pending;
        }
        catch (Exception e)
        {
            Fail(e);
            return;
        }

        if (TryTakeNext(out var next))
        {
            Write(next);
        }
    }

    private bool TryTakeNext(out SerializedHubMessage next)
    {
        lock (_gate)
        {
            if (!_closed && _backlog is { Count: > 0 } backlog)
            {
                next = backlog.Dequeue();
                return true;
            }

            _writing = false;
            next = null!;
            return false;
        }
    }

    private void Fail(Exception e)
    {
        if (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Writing to viewer {Connection} failed", Id);
        }

        Complete();
        _connection.Abort();
    }
}
