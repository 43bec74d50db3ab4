using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace QuestionSessions.Benchmarks.Viewers;

/// <summary>
/// One lean SignalR viewer: a ClientWebSocket speaking the JSON hub protocol, one receive loop, one
/// small buffer that grows only for a record larger than it. It parses just what the benchmark needs
/// from each event (the version) and checks that versions arrive in order, without gaps or repeats.
/// </summary>
internal sealed class Viewer : IAsyncDisposable
{
    private const byte Separator = 0x1e;
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private static readonly byte[] Ping = "{\"type\":6}\u001e"u8.ToArray();

    private readonly ClientWebSocket _socket = new();
    private readonly IViewerSink? _sink;
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<JoinReply>? _join;
    private byte[] _buffer = new byte[2048];
    private int _filled;
    private bool _handshaken;
    private int _stopping;
    private int _sending;
    private Task? _loop;
    private long _lastVersion;
    private int _received;
    private int _outOfOrder;

    private Viewer(IViewerSink? sink) => _sink = sink;

    /// <summary>The last version received (or joined at).</summary>
    public long LastVersion => Volatile.Read(ref _lastVersion);

    public int Received => Volatile.Read(ref _received);

    /// <summary>Events that were not exactly the next version: a gap, a repeat or a reordering.</summary>
    public int OutOfOrder => Volatile.Read(ref _outOfOrder);

    /// <summary>The connection ended while the benchmark still used it, and why.</summary>
    public string? Disconnected { get; private set; }

    public static async Task<Viewer> ConnectAsync(Uri hub, IViewerSink? sink, CancellationToken cancellationToken)
    {
        var viewer = new Viewer(sink);
        try
        {
            await viewer._socket.ConnectAsync(hub, cancellationToken);
            viewer._loop = viewer.ReceiveLoopAsync();
            await viewer.SendAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray(), cancellationToken);
            if (await viewer._handshake.Task.WaitAsync(ReplyTimeout, cancellationToken) is { } error)
            {
                throw new InvalidOperationException($"Hub handshake failed: {error}");
            }

            return viewer;
        }
        catch
        {
            await viewer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Invokes the hub's Join(sittingId, afterVersion); live events follow the returned version.</summary>
    public async Task<JoinReply> JoinAsync(Guid sittingId, long afterVersion, CancellationToken cancellationToken)
    {
        _join = new TaskCompletionSource<JoinReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var invocation = string.Create(CultureInfo.InvariantCulture,
            $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Join\",\"arguments\":[\"{sittingId}\",{afterVersion}]}}\u001e");
        await SendAsync(Encoding.UTF8.GetBytes(invocation), cancellationToken);
        var reply = await _join.Task.WaitAsync(ReplyTimeout, cancellationToken);
        Volatile.Write(ref _lastVersion, reply.Version);
        return reply;
    }

    /// <summary>A protocol ping, so the server does not time the idle client out; skipped if a send is under way.</summary>
    public void SendPing()
    {
        if (Disconnected is null && Volatile.Read(ref _stopping) == 0)
        {
            _ = PingAsync();
        }
    }

    private async Task PingAsync()
    {
        // A WebSocket takes one send at a time; a ping that would overlap the previous one is not needed.
        if (Interlocked.Exchange(ref _sending, 1) == 1)
        {
            return;
        }

        try
        {
            await SendAsync(Ping, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop notices a dead connection and records it.
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
    }

    private Task SendAsync(byte[] bytes, CancellationToken cancellationToken) =>
        _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private async Task ReceiveLoopAsync()
    {
        string reason;
        try
        {
            while (true)
            {
                if (_filled == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                var result = await _socket.ReceiveAsync(_buffer.AsMemory(_filled), CancellationToken.None);
                var received = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    reason = $"closed by the server ({_socket.CloseStatus} {_socket.CloseStatusDescription})";
                    break;
                }

                var scan = _filled;
                _filled += result.Count;
                var start = 0;
                int found;
                while ((found = _buffer.AsSpan(scan, _filled - scan).IndexOf(Separator)) >= 0)
                {
                    var end = scan + found;
                    OnRecord(_buffer.AsSpan(start, end - start), received);
                    start = scan = end + 1;
                }

                if (start > 0)
                {
                    _buffer.AsSpan(start, _filled - start).CopyTo(_buffer);
                    _filled -= start;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException or JsonException or InvalidOperationException)
        {
            reason = e.Message;
        }

        if (Volatile.Read(ref _stopping) == 0)
        {
            Disconnected = reason;
        }

        _handshake.TrySetResult($"connection ended: {reason}");
        _join?.TrySetException(new InvalidOperationException($"Connection ended before Join completed: {reason}"));
    }

    private void OnRecord(ReadOnlySpan<byte> record, long received)
    {
        if (!_handshaken)
        {
            _handshaken = true;
            _handshake.TrySetResult(record.SequenceEqual("{}"u8) ? null : Encoding.UTF8.GetString(record));
            return;
        }

        var reader = new Utf8JsonReader(record);
        reader.Read();
        var type = -1;
        var isEvent = false;
        var version = -1L;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                reader.Read();
                isEvent = reader.ValueTextEquals("event"u8);
            }
            else if (reader.ValueTextEquals("arguments"u8))
            {
                reader.Read();
                version = FirstArgumentVersion(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (type)
        {
            case 1 when isEvent:
                OnEvent(version, received);
                break;
            case 3:
                OnCompletion(record);
                break;
            case 7:
                Disconnected ??= $"close message: {Encoding.UTF8.GetString(record)}";
                break;
        }
    }

    private void OnEvent(long version, long received)
    {
        var last = Volatile.Read(ref _lastVersion);
        if (version != last + 1)
        {
            Interlocked.Increment(ref _outOfOrder);
        }

        if (version > last)
        {
            Volatile.Write(ref _lastVersion, version);
        }

        Interlocked.Increment(ref _received);
        _sink?.OnEvent(version, received);
    }

    private void OnCompletion(ReadOnlySpan<byte> record)
    {
        using var document = JsonDocument.Parse(record.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            _join?.TrySetException(new InvalidOperationException($"Join failed: {error.GetString()}"));
            return;
        }

        var result = root.GetProperty("result");
        _join?.TrySetResult(new JoinReply(result.GetProperty("outcome").GetString() ?? "", result.GetProperty("version").GetInt64()));
    }

    // At the arguments' StartArray: the first argument's "version", leaving the reader at the array's end.
    private static long FirstArgumentVersion(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        var version = -1L;
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isVersion)
                {
                    version = reader.GetInt64();
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        else
        {
            reader.Skip();
        }

        while (!(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth) && reader.Read())
        {
            reader.Skip();
        }

        return version;
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _stopping, 1);
        _socket.Abort();
        if (_loop is not null)
        {
            await _loop;
        }

        _socket.Dispose();
    }
}
