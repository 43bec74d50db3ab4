using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Runtime.Live;

/// <summary>
/// This node's share of live fan-out. It tails the store's gap-safe feed (woken by the store's
/// notifications, polling as a fallback) and relays each event of a watched stream to this node's
/// viewers, in version order, once. Every node does the same over one database, so a viewer on any
/// node sees every event whichever node appended it. Each event is encoded once for all viewers.
/// </summary>
public sealed class StreamRelay<TMessage> : IAsyncDisposable
{
    private readonly IEventStore _store;
    private readonly Func<StoredEvent, TMessage> _encode;
    private readonly RelayOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, WatchedStream<TMessage>> _streams = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;
    private FeedPosition _position;
    private int _stopped;
    private int _disposed;

    /// <param name="time">The clock the store stamps commits with, to measure relay lag; the system clock when null.</param>
    public StreamRelay(IEventStore store, Func<StoredEvent, TMessage> encode, RelayOptions options, ILogger<StreamRelay<TMessage>> logger, TimeProvider? time = null)
    {
        _store = store;
        _encode = encode;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    public int WatchedCount => _streams.Count;

    /// <summary>How many viewers this node relays each watched stream to, now: what the viewers gauge reports.</summary>
    public IEnumerable<(string StreamId, int Viewers)> ViewerCounts()
    {
        foreach (var (streamId, stream) in _streams)
        {
            yield return (streamId, stream.Viewers.Length);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _position = await _store.GetFeedHeadAsync(cancellationToken);
        _store.StreamMoved += OnStreamMoved;
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>
    /// Queues to <paramref name="viewer"/> the events after <paramref name="afterVersion"/>, then adds it
    /// to the stream's viewers, both under the stream's gate: relayed events come strictly after.
    /// </summary>
    public async Task<JoinResult> JoinAsync(string streamId, long afterVersion, IRelayViewer<TMessage> viewer, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Registered before the version is read: an event the feed loop meets from now on waits for
            // the gate and is relayed if newer than the cursor; anything older is in the catch-up below.
            var stream = _streams.GetOrAdd(streamId, id => new WatchedStream<TMessage>(id));

            // Read outside the gate so joins do not queue behind each other's database round trips; the
            // stream is registered first, so anything committed after this read reaches the feed loop,
            // which waits for the gate.
            var head = await _store.GetStreamVersionAsync(streamId, cancellationToken);
            await stream.Gate.WaitAsync(cancellationToken);
            try
            {
                if (stream.Retired)
                {
                    continue;
                }

                if (stream.Cursor < 0)
                {
                    stream.Cursor = head;
                }
                else if (head > stream.Cursor)
                {
                    // The viewer may have loaded the state at a version this node has not relayed yet: bring
                    // everyone here up to the head first, so the newcomer's catch-up and the live events meet
                    // exactly at the cursor.
                    Broadcast(stream, await ReadRangeAsync(streamId, stream.Cursor + 1, head, cancellationToken));
                }

                // Too far behind to replay, or ahead of anything this stream has: the viewer's state is not
                // one it can continue from.
                if (stream.Cursor - Math.Max(afterVersion, 0) > _options.MaxCatchUp || afterVersion > stream.Cursor)
                {
                    RetireIfUnwatched(stream);
                    return new JoinResult(JoinOutcome.ReloadRequired, stream.Cursor, 0);
                }

                var caughtUp = 0;
                foreach (var stored in await ReadRangeAsync(streamId, Math.Max(afterVersion, 0) + 1, stream.Cursor, cancellationToken))
                {
                    if (!viewer.TryDeliver(_encode(stored)))
                    {
                        RetireIfUnwatched(stream);
                        return new JoinResult(JoinOutcome.Overflowed, stored.Version - 1, caughtUp);
                    }

                    caughtUp++;
                }

                stream.Viewers = stream.Viewers.Remove(viewer).Add(viewer);
                return new JoinResult(JoinOutcome.Joined, stream.Cursor, caughtUp);
            }
            finally
            {
                stream.Gate.Release();
            }
        }
    }

    public async Task LeaveAsync(string streamId, IRelayViewer<TMessage> viewer, CancellationToken cancellationToken)
    {
        if (!_streams.TryGetValue(streamId, out var stream))
        {
            return;
        }

        await stream.Gate.WaitAsync(cancellationToken);
        try
        {
            stream.Viewers = stream.Viewers.Remove(viewer);
            RetireIfUnwatched(stream);
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    /// <summary>Reads the feed now instead of waiting for the next notification or poll.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one pending wake-up covers any number of appends.
        }
    }

    private void OnStreamMoved(StreamMoved moved) => Wake();

    private void RetireIfUnwatched(WatchedStream<TMessage> stream)
    {
        if (stream.Viewers.IsEmpty)
        {
            stream.Retired = true;
            _streams.TryRemove(new KeyValuePair<string, WatchedStream<TMessage>>(stream.StreamId, stream));
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(_options.PollInterval, stopping);
                await DrainFeedAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unreachable; the position is kept, so nothing is skipped on retry.
                _logger.LogWarning(e, "Live relay could not read the feed after {Position}; retrying", _position);
                try
                {
                    await Task.Delay(_options.PollInterval, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task DrainFeedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _store.ReadFeedAsync(_position, _options.FeedPage, cancellationToken);
            foreach (var entry in page.Entries)
            {
                if (_streams.TryGetValue(entry.Event.StreamId, out var stream))
                {
                    await RelayAsync(stream, entry.Event, cancellationToken);
                }
            }

            _position = page.Next;
            if (page.Entries.Count < _options.FeedPage)
            {
                return;
            }
        }
    }

    private async Task RelayAsync(WatchedStream<TMessage> stream, StoredEvent stored, CancellationToken cancellationToken)
    {
        await stream.Gate.WaitAsync(cancellationToken);
        try
        {
            if (stream.Retired)
            {
                return;
            }

            if (stream.Cursor < 0)
            {
                // Registered by a join that has not read its head yet: the join's catch-up covers what came
                // before this event, so start the cursor just below it.
                stream.Cursor = stored.Version - 1;
            }

            if (stored.Version <= stream.Cursor)
            {
                return;
            }

            // Normally the next version; if not (a stream written before it was watched here), fill the
            // gap from the stream itself so viewers never see a hole.
            var batch = stored.Version == stream.Cursor + 1
                ? [stored]
                : await ReadRangeAsync(stream.StreamId, stream.Cursor + 1, stored.Version, cancellationToken);
            Broadcast(stream, batch);
            // Commit to delivery, as the clocks of the committing node and this one tell it.
            QsMetrics.RecordRelayLag(_time.GetUtcNow() - stored.RecordedAt);
            RetireIfUnwatched(stream);
        }
        finally
        {
            stream.Gate.Release();
        }
    }

    private void Broadcast(WatchedStream<TMessage> stream, IReadOnlyList<StoredEvent> batch)
    {
        foreach (var e in batch)
        {
            var message = _encode(e);
            foreach (var viewer in stream.Viewers)
            {
                if (!viewer.TryDeliver(message))
                {
                    stream.Viewers = stream.Viewers.Remove(viewer);
                    QsMetrics.RecordBusyRefusal("viewer_overflow");
                    viewer.Overflowed(stream.StreamId);
                }
            }

            stream.Cursor = e.Version;
        }

    }

    private async Task<IReadOnlyList<StoredEvent>> ReadRangeAsync(string streamId, long from, long to, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (from <= to)
        {
            var page = await _store.ReadStreamAsync(streamId, from, (int)Math.Min(_options.FeedPage, to - from + 1), cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            events.AddRange(page);
            from = page[^1].Version + 1;
        }

        return events;
    }

    /// <summary>Stops tailing the feed. Idempotent; viewers stay connected but receive nothing more from this relay.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _store.StreamMoved -= OnStreamMoved;
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Dispose();
            _wake.Dispose();
        }
    }
}
