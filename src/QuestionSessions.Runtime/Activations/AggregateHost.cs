using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Activations;

/// <summary>
/// What an Orleans silo does for one grain type: activates aggregates by key on first use, runs one
/// command at a time per aggregate, persists through the event store with the loaded version as the
/// expected version, and evicts idle activations. Across nodes, the store's unique (stream, version)
/// is the single-writer guarantee: a lost race reloads the tail and decides again.
/// </summary>
public sealed class AggregateHost<TDecider, TState, TCommand, TEvent> : IDisposable, IAsyncDisposable
    where TDecider : IDecider<TState, TCommand, TEvent>
    where TState : class
    where TCommand : class, ICommand
    where TEvent : class
{
    private const int ReadPage = 1_000;

    // How long shutdown waits for the snapshots of evicted and still active aggregates.
    private static readonly TimeSpan ShutdownSnapshotTimeout = TimeSpan.FromSeconds(5);

    // Snapshots are only trusted when written by the same build of the domain: a changed state shape
    // then replays from events instead of misreading an old snapshot.
    private static readonly string SnapshotSchema = typeof(TState).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly IEventStore _store;
    private readonly IReadOnlyList<IProjection<TState>> _projections;
    private readonly TimeProvider _time;
    private readonly AggregateHostOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Activation<TState>> _activations = new(StringComparer.Ordinal);
    private readonly ITimer _evictionTimer;
    private readonly ConcurrentDictionary<Task, byte> _evictionSnapshots = new();
    private readonly CancellationTokenSource _stopping = new();

    // Background snapshots (eviction, shutdown) write a whole state each: a few at a time, so that a crowd of
    // activations going idle together neither takes the connection pool from appends nor fills memory.
    private readonly SemaphoreSlim _snapshotWrites = new(2, 2);

    public AggregateHost(
        IEventStore store,
        IEnumerable<IProjection<TState>> projections,
        TimeProvider time,
        AggregateHostOptions options,
        ILogger<AggregateHost<TDecider, TState, TCommand, TEvent>> logger)
    {
        _store = store;
        _projections = [.. projections];
        _time = time;
        _options = options;
        _logger = logger;
        var period = options.IdleTimeout / 4 < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.IdleTimeout / 4;
        _evictionTimer = time.CreateTimer(_ => EvictIdle(), null, period, period);
    }

    internal EventCodec<TEvent> Codec { get; } = new();

    public static string StreamId(string key) => $"{TDecider.Category}/{key}";

    public int ActiveCount => _activations.Count;

    /// <summary>The aggregate's current state and version, loading it if needed.</summary>
    public async Task<(TState State, long Version)> GetAsync(string key, CancellationToken cancellationToken)
    {
        var activation = Activate(key);
        await activation.Mailbox.WaitAsync(cancellationToken);
        try
        {
            await CatchUpAsync(activation, cancellationToken);
            return (activation.State!, activation.Version);
        }
        finally
        {
            Release(activation);
        }
    }

    /// <summary>
    /// Like <see cref="GetAsync"/>, but null for a stream with no events, without activating it: public
    /// reads of made-up ids must not fill memory with empty activations.
    /// </summary>
    public async Task<(TState State, long Version)?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (!_activations.ContainsKey(StreamId(key)) && await _store.GetStreamVersionAsync(StreamId(key), cancellationToken) == 0)
        {
            return null;
        }

        var found = await GetAsync(key, cancellationToken);
        return found.Version == 0 ? null : found;
    }

    public async Task<CommandResult<TState>> ExecuteAsync(string key, TCommand command, CommandOptions options, CancellationToken cancellationToken)
    {
        var activation = Activate(key);
        if (options.IdempotencyKey is { } idempotencyKey
            && await _store.FindIdempotentResultAsync(Scoped(activation, idempotencyKey), cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(activation, earlier, cancellationToken);
        }

        await activation.Mailbox.WaitAsync(cancellationToken);
        try
        {
            if (!activation.Loaded)
            {
                await CatchUpAsync(activation, cancellationToken);
            }

            // The cached state may be behind when another node wrote. An acceptance is safe to try: the
            // append's expected version catches staleness. A refusal, a no-op or a failed If-Match is not:
            // before answering "no", make sure the state is current, once.
            var verified = false;
            for (var attempt = 0; ; attempt++)
            {
                var decision = options.ExpectedVersion is { } expected && expected != activation.Version
                    ? null
                    : TDecider.Decide(command, activation.State!);
                if (decision is null || decision.Error is not null || decision.Events.Count == 0)
                {
                    if (!verified && await _store.GetStreamVersionAsync(activation.StreamId, cancellationToken) != activation.Version)
                    {
                        verified = true;
                        await CatchUpAsync(activation, cancellationToken);
                        continue;
                    }

                    return decision switch
                    {
                        null => new(CommandOutcome.PreconditionFailed, activation.Version, activation.State!, [], null),
                        { Error: { } error } => new(CommandOutcome.Refused, activation.Version, activation.State!, [], error),
                        _ => new(CommandOutcome.Accepted, activation.Version, activation.State!, [], null),
                    };
                }

                try
                {
                    return await AppendAsync(activation, command, decision.Events, options, cancellationToken);
                }
                catch (ConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
                {
                    // Another node appended first: load what it wrote and decide again on the new state.
                    _logger.LogDebug("Lost the race to append to {Stream} at version {Version} (attempt {Attempt}); deciding again",
                        activation.StreamId, activation.Version + 1, attempt + 1);
                    await Task.Delay(RetryDelay(attempt), _time, cancellationToken);
                    verified = true;
                    await CatchUpAsync(activation, cancellationToken);
                }
            }
        }
        finally
        {
            Release(activation);
        }
    }

    // Retrying at once keeps two nodes in lockstep, and the node with commands queued behind its win
    // tends to win again and again until the other runs out of retries. A short random wait, longer
    // each time (full jitter, capped), breaks the lockstep and lets the other node's burst drain.
    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(250, 10 << Math.Min(attempt, 5)));

    private async Task<CommandResult<TState>> AppendAsync(
        Activation<TState> activation, TCommand command, IReadOnlyList<TEvent> events, CommandOptions options, CancellationToken cancellationToken)
    {
        var state = activation.State!;
        foreach (var e in events)
        {
            state = TDecider.Evolve(state, e);
        }

        var metadata = JsonSerializer.Serialize(Metadata(command, options), Json.Options);
        var expectedVersion = activation.Version;
        var newVersion = expectedVersion + events.Count;
        IReadOnlyList<NewEvent> encoded = [.. events.Select(e => Codec.Encode(e, metadata))];
        var request = new AppendRequest(
            activation.StreamId,
            expectedVersion,
            encoded,
            options.IdempotencyKey is { } k ? Scoped(activation, k) : null,
            options.IdempotencyKey is null ? null : newVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Projections(activation.StreamId, activation.State!, state, expectedVersion + 1, encoded),
            activation.LastHash);

        var result = await _store.AppendAsync(request, cancellationToken);
        if (result.Duplicate)
        {
            await CatchUpAsync(activation, cancellationToken);
            return new(CommandOutcome.Repeated, ParseVersion(result.IdempotencyResult), activation.State!, [], null);
        }

        activation.State = state;
        activation.Version = result.LastVersion;
        activation.LastHash = result.Events[^1].Hash;
        activation.EventsSinceSnapshot += events.Count;
        if (activation.EventsSinceSnapshot >= _options.SnapshotEvery)
        {
            await SnapshotAsync(activation, cancellationToken);
        }

        return new(CommandOutcome.Accepted, activation.Version, state, result.Events, null);
    }

    private List<ProjectionWrite>? Projections(string streamId, TState before, TState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (_projections.Count == 0)
        {
            return null;
        }

        var writes = new List<ProjectionWrite>();
        foreach (var projection in _projections)
        {
            writes.AddRange(projection.Project(streamId, before, after, firstVersion, events));
        }

        return writes;
    }

    private async Task<CommandResult<TState>> RepeatedAsync(Activation<TState> activation, string earlier, CancellationToken cancellationToken)
    {
        var (state, _) = await GetAsync(KeyOf(activation), cancellationToken);
        return new(CommandOutcome.Repeated, ParseVersion(earlier), state, [], null);
    }

    private static long ParseVersion(string? stored) =>
        long.TryParse(stored, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static string KeyOf(Activation<TState> activation) => activation.StreamId[(TDecider.Category.Length + 1)..];

    // Keys are scoped to the stream so two aggregates can never share one by accident.
    private static string Scoped(Activation<TState> activation, string key) => $"{activation.StreamId}|{key}";

    private EventMetadata Metadata(TCommand command, CommandOptions options) =>
        new(command.Actor.UserId, command.Actor.Name, command.Now, command.GetType().Name, options.IdempotencyKey, options.CorrelationId);

    private Activation<TState> Activate(string key)
    {
        var activation = _activations.GetOrAdd(StreamId(key), id => new Activation<TState>(id));
        activation.LastUsedTicks = _time.GetTimestamp();
        return activation;
    }

    private void Release(Activation<TState> activation)
    {
        activation.LastUsedTicks = _time.GetTimestamp();
        activation.Mailbox.Release();
    }

    /// <summary>Loads on first use (snapshot, then the tail) and afterwards reads only what other nodes appended.</summary>
    private async Task CatchUpAsync(Activation<TState> activation, CancellationToken cancellationToken)
    {
        if (!activation.Loaded)
        {
            activation.State = TDecider.Initial;
            activation.Version = 0;
            activation.LastHash = EventHash.Genesis;
            if (await _store.LoadSnapshotAsync(activation.StreamId, cancellationToken) is { } snapshot
                && TryRestore(snapshot) is ({ } restored, var hash))
            {
                activation.State = restored;
                activation.Version = snapshot.Version;
                activation.LastHash = hash; // null for a snapshot written before hashes were kept: the store reads the head
            }

            activation.Loaded = true;
        }

        while (true)
        {
            var page = await _store.ReadStreamAsync(activation.StreamId, activation.Version + 1, ReadPage, cancellationToken);
            foreach (var stored in page)
            {
                activation.State = TDecider.Evolve(activation.State!, Codec.Decode(stored));
                activation.Version = stored.Version;
                activation.LastHash = stored.Hash;
                activation.EventsSinceSnapshot++;
            }

            if (page.Count < ReadPage)
            {
                break;
            }
        }

        if (activation.EventsSinceSnapshot >= _options.SnapshotEvery)
        {
            await SnapshotAsync(activation, cancellationToken);
        }
    }

    /// <summary>The state and the hash of the event at the snapshot's version (null when not recorded), or default.</summary>
    private (TState? State, string? Hash) TryRestore(Snapshot snapshot)
    {
        try
        {
            using var document = JsonDocument.Parse(snapshot.Data);
            if (document.RootElement.GetProperty("schema").GetString() != SnapshotSchema)
            {
                return default;
            }

            var hash = document.RootElement.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String
                && h.GetString() is { Length: 64 } text && text.All(char.IsAsciiHexDigitLower) ? text : null;
            return (document.RootElement.GetProperty("state").Deserialize<TState>(Json.Options), hash);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or NotSupportedException)
        {
            _logger.LogWarning(e, "Snapshot of {Stream} at {Version} is unreadable; replaying events", snapshot.StreamId, snapshot.Version);
            return default;
        }
    }

    private async Task SnapshotAsync(Activation<TState> activation, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(new { schema = SnapshotSchema, state = activation.State, hash = activation.LastHash }, Json.Options);
        try
        {
            await _store.SaveSnapshotAsync(new Snapshot(activation.StreamId, activation.Version, data, _time.GetUtcNow()), cancellationToken);
            activation.EventsSinceSnapshot = 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A snapshot is an optimisation: failing to write one must not fail the command that was already committed.
            _logger.LogWarning(e, "Could not snapshot {Stream} at {Version}", activation.StreamId, activation.Version);
        }
    }

    private void EvictIdle()
    {
        var idle = (long)(_options.IdleTimeout.TotalSeconds * _time.TimestampFrequency);
        var now = _time.GetTimestamp();
        foreach (var (id, activation) in _activations)
        {
            // Only evict when nobody holds the mailbox. A caller that fetched this activation just before
            // eviction still works on it; a second activation of the same stream may then exist briefly, and
            // the store's expected-version check keeps the two from both writing the same version.
            if (now - activation.LastUsedTicks > idle && activation.Mailbox.Wait(0))
            {
                _activations.TryRemove(new KeyValuePair<string, Activation<TState>>(id, activation));
                activation.Mailbox.Release();
                SnapshotInBackground(activation);
            }
        }
    }

    // Runs behind the mailbox, so it reads one consistent (state, version, hash) even if a caller that
    // fetched the activation just before eviction is still using it. A newer activation of the same
    // stream may snapshot too; the store keeps the higher version.
    private void SnapshotInBackground(Activation<TState> activation)
    {
        if (!activation.Loaded || activation.EventsSinceSnapshot < _options.SnapshotOnEvictionAfter || _stopping.IsCancellationRequested)
        {
            return;
        }

        var task = Task.Run(() => SnapshotBehindMailboxAsync(activation, _stopping.Token), CancellationToken.None);
        _evictionSnapshots.TryAdd(task, 0);
        task.ContinueWith(t => _evictionSnapshots.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task SnapshotBehindMailboxAsync(Activation<TState> activation, CancellationToken cancellationToken)
    {
        // The write slot first, then the mailbox: commands never wait behind a snapshot waiting for a slot.
        await _snapshotWrites.WaitAsync(cancellationToken);
        try
        {
            await activation.Mailbox.WaitAsync(cancellationToken);
            try
            {
                if (activation.EventsSinceSnapshot >= _options.SnapshotOnEvictionAfter)
                {
                    await SnapshotAsync(activation, cancellationToken);
                }
            }
            finally
            {
                activation.Mailbox.Release();
            }
        }
        finally
        {
            _snapshotWrites.Release();
        }
    }

    public void Dispose()
    {
        _evictionTimer.Dispose();
        _stopping.Cancel();
    }

    /// <summary>
    /// Stops eviction, then snapshots what is still active (as eviction would) and waits for those and
    /// the snapshots of evicted activations, for at most a few seconds: a snapshot saves replay time, never data.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _evictionTimer.DisposeAsync();
        if (!_stopping.IsCancellationRequested)
        {
            foreach (var (_, activation) in _activations)
            {
                SnapshotInBackground(activation);
            }

            var pending = _evictionSnapshots.Keys.ToArray();
            await Task.WhenAll(pending)
                .WaitAsync(ShutdownSnapshotTimeout, CancellationToken.None)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            var unfinished = pending.Count(t => !t.IsCompleted);
            if (unfinished > 0)
            {
                _logger.LogWarning("Shutting down with {Count} snapshots unwritten after {Timeout}; those aggregates will replay their events", unfinished, ShutdownSnapshotTimeout);
            }

            // Cancel the rest and wait for them to stop, so none is still writing when the store is disposed.
            await _stopping.CancelAsync();
            await Task.WhenAll(pending).WaitAsync(ShutdownSnapshotTimeout, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        Dispose();
    }
}
