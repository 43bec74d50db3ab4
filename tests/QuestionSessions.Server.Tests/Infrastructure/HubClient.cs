using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>
/// A small SignalR client speaking the JSON hub protocol over a WebSocket (the .NET SignalR client
/// package is not in the registry here). Server invocations of "event" land in <see cref="Events"/>.
/// </summary>
internal sealed class HubClient : IAsyncDisposable
{
    private const char Separator = '\u001e';
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _closing = new();
    private Task? _reader;
    private int _nextId;

    public ChannelReader<JsonElement> Events => _events.Reader;

    public bool Closed { get; private set; }

    public static async Task<HubClient> ConnectAsync(Uri baseAddress, string? cookie = null, CancellationToken cancellationToken = default)
    {
        var client = new HubClient();
        if (cookie is not null)
        {
            client._socket.Options.SetRequestHeader("Cookie", cookie);
        }

        var ws = new UriBuilder(baseAddress) { Scheme = baseAddress.Scheme == "https" ? "wss" : "ws", Path = "/hubs/sittings" }.Uri;
        await client._socket.ConnectAsync(ws, cancellationToken);
        await client.SendRawAsync("""{"protocol":"json","version":1}""", cancellationToken);
        var handshake = await client.ReceiveFramesAsync(cancellationToken);
        if (handshake.Count == 0 || handshake[0] != "{}")
        {
            throw new InvalidOperationException($"Hub handshake failed: {string.Join(" ", handshake)}");
        }

        client._reader = Task.Run(() => client.ReadLoopAsync(client._closing.Token), CancellationToken.None);
        return client;
    }

    public async Task<JsonElement> InvokeAsync(string target, object?[] arguments, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pending[id] = completion;
        }

        await SendRawAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }), cancellationToken);
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    /// <summary>Join a sitting after a version; returns the server's reply (outcome, version, caughtUp).</summary>
    public Task<JsonElement> JoinAsync(Guid sittingId, long afterVersion, CancellationToken cancellationToken = default) =>
        InvokeAsync("Join", [sittingId, afterVersion], cancellationToken);

    /// <summary>The next live event, or throws after <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextEventAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _events.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next event if one arrives within <paramref name="wait"/>, else null.</summary>
    public async Task<System.Text.Json.JsonElement?> NextEventOrNullAsync(TimeSpan wait)
    {
        using var cts = new CancellationTokenSource(wait);
        try
        {
            return await _events.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Reads events until the sitting reaches <paramref name="version"/>; returns every version seen, in arrival order.</summary>
    public async Task<List<long>> VersionsUntilAsync(long version, TimeSpan? timeout = null)
    {
        var seen = new List<long>();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (seen.Count == 0 || seen[^1] < version)
        {
            var e = await _events.Reader.ReadAsync(cts.Token);
            seen.Add(e.GetProperty("version").GetInt64());
        }

        return seen;
    }

    /// <summary>Drops the connection without a close handshake, as a network failure would.</summary>
    public void Abort()
    {
        Closed = true;
        _socket.Abort();
    }

    private async Task SendRawAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json + Separator);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
    }

    private async Task<List<string>> ReceiveFramesAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Closed = true;
                return [];
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return [.. Encoding.UTF8.GetString(message.ToArray()).Split(Separator, StringSplitOptions.RemoveEmptyEntries)];
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var frames = await ReceiveFramesAsync(cancellationToken);
                if (frames.Count == 0 && Closed)
                {
                    break;
                }

                foreach (var frame in frames)
                {
                    Dispatch(JsonDocument.Parse(frame).RootElement.Clone());
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone; tests observe it through Closed and the completed channel.
        }
        finally
        {
            Closed = true;
            _events.Writer.TryComplete();
            lock (_lock)
            {
                foreach (var pending in _pending.Values)
                {
                    pending.TrySetException(new InvalidOperationException("Hub connection closed."));
                }
            }
        }
    }

    private void Dispatch(JsonElement message)
    {
        switch (message.GetProperty("type").GetInt32())
        {
            case 1 when message.GetProperty("target").GetString() == "event":
                _events.Writer.TryWrite(message.GetProperty("arguments")[0]);
                break;
            case 3:
                TaskCompletionSource<JsonElement>? completion;
                lock (_lock)
                {
                    _pending.Remove(message.GetProperty("invocationId").GetString()!, out completion);
                }

                if (message.TryGetProperty("error", out var error))
                {
                    completion?.TrySetException(new InvalidOperationException(error.GetString()));
                }
                else
                {
                    completion?.TrySetResult(message.TryGetProperty("result", out var result) ? result.Clone() : default);
                }

                break;
            case 7:
                Closed = true;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Already gone.
            }
        }

        await _closing.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }

        _socket.Dispose();
        _closing.Dispose();
    }
}
