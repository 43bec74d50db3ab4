using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// One event-sourced aggregate as a grain. Orleans gives it a single activation in the cluster and one
/// call at a time; this base loads the snapshot and the tail of the stream on activation, decides with
/// the pure domain functions, appends through <see cref="IEventStore"/> with the loaded version as the
/// expected version (the safety net when membership briefly lets a second activation exist), and writes
/// a snapshot on deactivation. It holds no rule: every rule is in <c>TDecider.Decide</c>.
/// </summary>
public abstract class EventSourcedGrain<TDecider, TState, TCommand, TEvent> : Grain, IAggregateGrain<TCommand, TState>
    where TDecider : IDecider<TState, TCommand, TEvent>
    where TState : class
    where TCommand : class, ICommand
    where TEvent : class
{
    private const int ReadPage = 1_000;

    // Snapshots are only trusted when written by the same build of the domain: a changed state shape
    // then replays from events instead of misreading an old snapshot.
    private static readonly string SnapshotSchema = typeof(TState).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private static readonly EventCodec<TEvent> Codec = new();

    private readonly IEventStore _store;
    private readonly IReadOnlyList<IProjection<TState>> _projections;
    private readonly AggregateOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private TState _state = TDecider.Initial;
    private long _version;

    // The hash of the event at _version when known, so an append need not read the stream's head.
    private string? _lastHash = EventHash.Genesis;
    private long _eventsSinceSnapshot;

    protected EventSourcedGrain(AggregateServices<TState> services, ILogger logger)
    {
        _store = services.Store;
        _projections = services.Projections;
        _options = services.Options;
        _time = services.Time;
        _logger = logger;
    }

    /// <summary>The stream of the aggregate with this key, e.g. "sitting/{id}".</summary>
    public static string StreamIdOf(string key) => $"{TDecider.Category}/{key}";

    /// <summary>The aggregate's key: the grain's primary key as the stream names it.</summary>
    protected abstract string Key { get; }

    private string StreamId => StreamIdOf(Key);

    /// <summary>The state as of <see cref="Version"/>.</summary>
    protected TState State => _state;

    protected long Version => _version;

    protected TimeProvider Time => _time;

    protected ILogger Logger => _logger;

    /// <summary>
    /// Called in the grain's turn after activation and after every accepted append, so a grain can keep
    /// something outside the stream in step with its state (a reminder for the next deadline).
    /// </summary>
    protected virtual Task OnStateChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await _store.LoadSnapshotAsync(StreamId, cancellationToken) is { } snapshot && TryRestore(snapshot) is ({ } restored, var hash))
        {
            _state = restored;
            _version = snapshot.Version;
            _lastHash = hash; // null for a snapshot written before hashes were kept: the store reads the head
        }

        await CatchUpAsync(cancellationToken);
        if (_version > 0)
        {
            await OnStateChangedAsync(cancellationToken);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_eventsSinceSnapshot >= _options.SnapshotOnDeactivationAfter)
        {
            await SnapshotAsync(cancellationToken);
        }
    }

    /// <summary>
    /// True for an aggregate whose stream is also appended to outside the silo (<c>qs import</c> writes bodies straight
    /// to the database while the server runs): every read then first checks the stream's version in the store and
    /// reads what it missed, so no read answers from state older than the last commit. Appends are safe either way
    /// (the expected version catches a stale state and the command is decided again). A read's catch-up does not call
    /// <see cref="OnStateChangedAsync"/>: an aggregate that keeps reminders in step with its state should not rely on it.
    /// </summary>
    protected virtual bool AppendedOutsideTheSilo => false;

    /// <summary>The state and version, or null (and the activation let go) when the stream has no events.</summary>
    public async Task<AggregateView<TState>?> Get(CancellationToken cancellationToken = default)
    {
        if (AppendedOutsideTheSilo && await _store.GetStreamVersionAsync(StreamId, cancellationToken) > _version)
        {
            await CatchUpAsync(cancellationToken);
        }

        return View();
    }

    private AggregateView<TState>? View()
    {
        if (_version == 0)
        {
            // Reads of made-up ids must not fill the silo with empty activations.
            DeactivateOnIdle();
            return null;
        }

        return new AggregateView<TState>(_state, _version);
    }

    public async Task<CommandReply> Execute(Immutable<TCommand> command, CommandOptions options, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var reply = await DecideAndAppendAsync(command.Value, options, cancellationToken);
            QsMetrics.RecordCommand(TDecider.Category, command.Value.GetType().Name, OutcomeTag(reply.Outcome), started);
            return reply;
        }
        finally
        {
            if (_version == 0)
            {
                DeactivateOnIdle();
            }
        }
    }

    private async Task<CommandReply> DecideAndAppendAsync(TCommand command, CommandOptions options, CancellationToken cancellationToken)
    {
        if (options.IdempotencyKey is { } idempotencyKey
            && await _store.FindIdempotentResultAsync(Scoped(idempotencyKey), cancellationToken) is { } earlier)
        {
            return new CommandReply(CommandOutcome.Repeated, ParseVersion(earlier));
        }

        // Orleans keeps one activation, so the state is current. While membership settles after a silo
        // dies a second activation may briefly exist: an acceptance is still safe (the expected version
        // catches it); a refusal, a no-op or a failed If-Match is checked against the stream once first.
        var verified = false;
        for (var attempt = 0; ; attempt++)
        {
            var decision = options.ExpectedVersion is { } expected && expected != _version ? null : TDecider.Decide(command, _state);
            if (decision is null || decision.Error is not null || decision.Events.Count == 0)
            {
                if (!verified && await _store.GetStreamVersionAsync(StreamId, cancellationToken) != _version)
                {
                    verified = true;
                    await CatchUpAsync(cancellationToken);
                    continue;
                }

                return decision switch
                {
                    null => new CommandReply(CommandOutcome.PreconditionFailed, _version),
                    { Error: { } error } => new CommandReply(CommandOutcome.Refused, _version, error),
                    _ => new CommandReply(CommandOutcome.Accepted, _version),
                };
            }

            try
            {
                return await AppendAsync(command, decision.Events, options, cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < _options.MaxConcurrencyRetries)
            {
                _logger.LogDebug("Lost the race to append to {Stream} at version {Version} (attempt {Attempt}); deciding again",
                    StreamId, _version + 1, attempt + 1);
                verified = true;
                await CatchUpAsync(cancellationToken);
            }
            catch (ConcurrencyException)
            {
                _logger.LogWarning("Gave up appending to {Stream} after {Attempts} lost races", StreamId, attempt + 1);
                await CatchUpAsync(cancellationToken);
                return new CommandReply(CommandOutcome.Busy, _version);
            }
        }
    }

    private async Task<CommandReply> AppendAsync(TCommand command, IReadOnlyList<TEvent> events, CommandOptions options, CancellationToken cancellationToken)
    {
        var state = _state;
        foreach (var e in events)
        {
            state = TDecider.Evolve(state, e);
        }

        var metadata = JsonSerializer.Serialize(
            new EventMetadata(command.Actor.UserId, command.Actor.Name, command.Now, command.GetType().Name, options.IdempotencyKey, options.CorrelationId),
            Json.Options);
        var expectedVersion = _version;
        var newVersion = expectedVersion + events.Count;
        IReadOnlyList<NewEvent> encoded = [.. events.Select(e => Codec.Encode(e, metadata))];
        var request = new AppendRequest(
            StreamId,
            expectedVersion,
            encoded,
            options.IdempotencyKey is { } k ? Scoped(k) : null,
            options.IdempotencyKey is null ? null : newVersion.ToString(CultureInfo.InvariantCulture),
            Projections(_state, state, expectedVersion + 1, encoded),
            _lastHash);

        var result = await _store.AppendAsync(request, cancellationToken);
        if (result.Duplicate)
        {
            // The same key committed between the look-up and this append (a retry racing its original).
            await CatchUpAsync(cancellationToken);
            return new CommandReply(CommandOutcome.Repeated, ParseVersion(result.IdempotencyResult));
        }

        _state = state;
        _version = result.LastVersion;
        _lastHash = result.Events[^1].Hash;
        _eventsSinceSnapshot += events.Count;
        if (_eventsSinceSnapshot >= _options.SnapshotEvery)
        {
            await SnapshotAsync(cancellationToken);
        }

        await OnStateChangedAsync(cancellationToken);
        return new CommandReply(CommandOutcome.Accepted, _version);
    }

    private List<ProjectionWrite>? Projections(TState before, TState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (_projections.Count == 0)
        {
            return null;
        }

        var writes = new List<ProjectionWrite>();
        foreach (var projection in _projections)
        {
            writes.AddRange(projection.Project(StreamId, before, after, firstVersion, events));
        }

        return writes;
    }

    /// <summary>Reads what the stream holds after the loaded version.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await _store.ReadStreamAsync(StreamId, _version + 1, ReadPage, cancellationToken);
            foreach (var stored in page)
            {
                // Reads interleave ([ReadOnly]): another read may have caught up while this one waited for its page.
                if (stored.Version <= _version)
                {
                    continue;
                }

                _state = TDecider.Evolve(_state, Codec.Decode(stored));
                _version = stored.Version;
                _lastHash = stored.Hash;
                _eventsSinceSnapshot++;
            }

            if (page.Count < ReadPage)
            {
                break;
            }
        }
    }

    // Accepted and repeated commands both succeeded; a failed If-Match is a refusal the caller can act on.
    private static string OutcomeTag(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Accepted or CommandOutcome.Repeated => QsMetrics.Accepted,
        CommandOutcome.Busy => QsMetrics.Busy,
        _ => QsMetrics.Refused,
    };

    private static long ParseVersion(string? stored) =>
        long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;

    // Keys are scoped to the stream so two aggregates can never share one by accident.
    private string Scoped(string key) => $"{StreamId}|{key}";

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

    private async Task SnapshotAsync(CancellationToken cancellationToken)
    {
        var data = JsonSerializer.Serialize(new { schema = SnapshotSchema, state = _state, hash = _lastHash }, Json.Options);
        try
        {
            await _store.SaveSnapshotAsync(new Snapshot(StreamId, _version, data, _time.GetUtcNow()), cancellationToken);
            _eventsSinceSnapshot = 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A snapshot is an optimisation: failing to write one must not fail a command already committed.
            _logger.LogWarning(e, "Could not snapshot {Stream} at {Version}", StreamId, _version);
        }
    }
}
