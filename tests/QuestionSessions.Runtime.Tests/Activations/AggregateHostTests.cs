using Microsoft.Extensions.Logging;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Activations;
using QuestionSessions.Runtime.Storage;
using static QuestionSessions.Runtime.Tests.Activations.Sittings;

namespace QuestionSessions.Runtime.Tests.Activations;

public sealed class AggregateHostTests : IAsyncLifetime
{
    private readonly HostFixture _fixture = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public async ValueTask InitializeAsync() => await _fixture.Store.InitializeAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_commands_on_one_aggregate_run_one_at_a_time_and_all_land()
    {
        using var host = _fixture.Host();
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            host.ExecuteAsync(id.ToString(), Segment($"Đoạn {i}", _now), CommandOptions.None, Ct)));

        Assert.All(results, r => Assert.Equal(CommandOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(3, 40).Select(v => (long)v), results.Select(r => r.Version).Order());
        var (state, version) = await host.GetAsync(id.ToString(), Ct);
        Assert.Equal(42, version);
        Assert.Equal(40, state.Transcript.Count);
        Assert.True((await _fixture.Store.VerifyStreamAsync(SittingStream(id), Ct)).IsValid);
    }

    [Fact]
    public async Task Vietnamese_text_is_stored_as_itself_not_escaped()
    {
        using var host = _fixture.Host();
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);

        var published = await host.ExecuteAsync(id.ToString(), Segment("Đại biểu chất vấn Bộ trưởng về đường sắt", _now), CommandOptions.None, Ct);

        var stored = await _fixture.Store.ReadStreamAsync(published.Appended[0].StreamId, published.Version, 1, Ct);
        Assert.Contains("Đại biểu chất vấn Bộ trưởng về đường sắt", stored[0].Data, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", stored[0].Data, StringComparison.Ordinal);
        Assert.True((await _fixture.Store.VerifyStreamAsync(stored[0].StreamId, Ct)).IsValid);
    }

    [Fact]
    public async Task A_race_lost_to_another_node_is_re_decided_on_the_new_state()
    {
        using var nodeA = _fixture.Host();
        using var nodeB = _fixture.Host();
        var id = Guid.CreateVersion7();
        await nodeA.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await nodeA.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);

        // Node B writes behind node A's back; A's activation is now stale by one event.
        var b = await nodeB.ExecuteAsync(id.ToString(), Segment("từ nút B", _now), CommandOptions.None, Ct);
        var a = await nodeA.ExecuteAsync(id.ToString(), Segment("từ nút A", _now), CommandOptions.None, Ct);

        Assert.Equal(3, b.Version);
        Assert.Equal(CommandOutcome.Accepted, a.Outcome);
        Assert.Equal(4, a.Version);
        Assert.Equal(["từ nút B", "từ nút A"], a.State.Transcript.Select(t => t.Markdown));
        // A hashed its event from the head it had cached; after losing, the retry chained it to B's event.
        Assert.True((await _fixture.Store.VerifyStreamAsync(SittingStream(id), Ct)).IsValid);
    }

    [Fact]
    public async Task Two_nodes_writing_one_aggregate_at_once_lose_nothing_and_keep_the_chain()
    {
        var options = new AggregateHostOptions { MaxConcurrencyRetries = 64 };
        var races = new RaceCounter();
        using var nodeA = _fixture.Host(options, logger: races);
        using var nodeB = _fixture.Host(options, logger: races);
        var id = Guid.CreateVersion7();
        await nodeA.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await nodeA.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? nodeA : nodeB).ExecuteAsync(id.ToString(), Segment($"Đoạn {i}", _now), CommandOptions.None, Ct)));

        Assert.All(results, r => Assert.Equal(CommandOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(3, 40).Select(v => (long)v), results.Select(r => r.Version).Order());
        var stored = await _fixture.Store.ReadStreamAsync(SittingStream(id), 0, 100, Ct);
        Assert.Equal(42, stored.Count);
        Assert.True((await _fixture.Store.VerifyStreamAsync(SittingStream(id), Ct)).IsValid);
        // The nodes did race: each kept a stale head at times, lost, and decided again.
        Assert.True(races.Lost > 0, "the two nodes should have lost at least one race");
    }

    /// <summary>Counts the host's "lost the race" log lines.</summary>
    private sealed class RaceCounter : ILogger<AggregateHost<SittingDecider, SittingState, SittingCommand, SittingEvent>>
    {
        private int _lost;

        public int Lost => Volatile.Read(ref _lost);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Lost the race", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _lost);
            }
        }
    }

    [Fact]
    public async Task A_stale_node_does_not_refuse_a_step_another_node_made_legal()
    {
        using var nodeA = _fixture.Host();
        using var nodeB = _fixture.Host();
        var id = Guid.CreateVersion7();
        await nodeA.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);

        // A still believes the sitting is only scheduled; B opens it.
        await nodeB.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);
        var opened = await nodeA.ExecuteAsync(id.ToString(), new OpenCluster(Cluster, Chair, _now), CommandOptions.None, Ct);

        Assert.Equal(CommandOutcome.Accepted, opened.Outcome);
        Assert.Equal(Cluster, opened.State.OpenClusterId);
    }

    [Fact]
    public async Task A_refusal_writes_nothing_and_carries_the_domain_error()
    {
        using var host = _fixture.Host();
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);

        var refused = await host.ExecuteAsync(id.ToString(), new OpenSitting(Secretariat, _now), CommandOptions.None, Ct);

        Assert.Equal(CommandOutcome.Refused, refused.Outcome);
        Assert.Equal("role_required", refused.Error!.Code);
        Assert.Equal(1, await _fixture.Store.GetStreamVersionAsync(SittingStream(id), Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_result_and_writes_once()
    {
        using var host = _fixture.Host();
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);
        var options = new CommandOptions(IdempotencyKey: "segment-1");

        var first = await host.ExecuteAsync(id.ToString(), Segment("một lần", _now), options, Ct);
        var again = await host.ExecuteAsync(id.ToString(), Segment("một lần", _now), options, Ct);

        Assert.Equal(CommandOutcome.Accepted, first.Outcome);
        Assert.Equal(CommandOutcome.Repeated, again.Outcome);
        Assert.Equal(first.Version, again.Version);
        Assert.Single(again.State.Transcript);
    }

    [Fact]
    public async Task An_If_Match_version_that_moved_fails_the_precondition()
    {
        using var host = _fixture.Host();
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);

        var stale = await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), new CommandOptions(ExpectedVersion: 0), Ct);
        var fresh = await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), new CommandOptions(ExpectedVersion: 1), Ct);

        Assert.Equal(CommandOutcome.PreconditionFailed, stale.Outcome);
        Assert.Equal(CommandOutcome.Accepted, fresh.Outcome);
        Assert.Equal(2, fresh.Version);
    }

    [Fact]
    public async Task A_snapshot_is_written_and_a_new_activation_starts_from_it()
    {
        var options = new AggregateHostOptions { SnapshotEvery = 10 };
        using var writer = _fixture.Host(options);
        var id = Guid.CreateVersion7();
        await writer.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await writer.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);
        for (var i = 0; i < 12; i++)
        {
            await writer.ExecuteAsync(id.ToString(), Segment($"Đoạn {i}", _now), CommandOptions.None, Ct);
        }

        var snapshot = await _fixture.Store.LoadSnapshotAsync(SittingStream(id), Ct);
        Assert.NotNull(snapshot);
        Assert.InRange(snapshot.Version, 10, 14);

        using var reader = _fixture.Host(options);
        var (state, version) = await reader.GetAsync(id.ToString(), Ct);
        Assert.Equal(14, version);
        Assert.Equal(12, state.Transcript.Count);
        Assert.Equal(SittingStatus.Open, state.Status);
    }

    [Fact]
    public async Task Reads_of_unknown_aggregates_do_not_activate_them()
    {
        using var host = _fixture.Host();
        Assert.Null(await host.FindAsync(Guid.CreateVersion7().ToString(), Ct));
        Assert.Equal(0, host.ActiveCount);
    }

    [Fact]
    public async Task Idle_activations_are_evicted_and_reload_on_next_use()
    {
        var clock = new SteppingTimestamps();
        using var host = _fixture.Host(new AggregateHostOptions { IdleTimeout = TimeSpan.FromSeconds(1) }, clock);
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        Assert.Equal(1, host.ActiveCount);

        clock.Skip(TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.ActiveCount > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(0, host.ActiveCount);
        var (state, version) = await host.GetAsync(id.ToString(), Ct);
        Assert.Equal(1, version);
        Assert.Equal(SittingStatus.Scheduled, state.Status);
    }

    [Fact]
    public async Task An_evicted_activation_snapshots_its_unsnapshotted_events_and_the_next_one_starts_from_there()
    {
        var clock = new SteppingTimestamps();
        var options = new AggregateHostOptions { IdleTimeout = TimeSpan.FromSeconds(1), SnapshotEvery = 1_000, SnapshotOnEvictionAfter = 4 };
        using var host = _fixture.Host(options, clock);
        var busy = Guid.CreateVersion7();
        var quiet = Guid.CreateVersion7();
        await host.ExecuteAsync(busy.ToString(), Schedule(busy, _now), CommandOptions.None, Ct);
        await host.ExecuteAsync(busy.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);
        for (var i = 0; i < 3; i++)
        {
            await host.ExecuteAsync(busy.ToString(), Segment($"Đoạn {i}", _now), CommandOptions.None, Ct);
        }

        await host.ExecuteAsync(quiet.ToString(), Schedule(quiet, _now), CommandOptions.None, Ct);
        Assert.Null(await _fixture.Store.LoadSnapshotAsync(SittingStream(busy), Ct));

        clock.Skip(TimeSpan.FromMinutes(1));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        Snapshot? snapshot = null;
        while ((host.ActiveCount > 0 || snapshot is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
            snapshot = await _fixture.Store.LoadSnapshotAsync(SittingStream(busy), Ct);
        }

        Assert.Equal(0, host.ActiveCount);
        Assert.NotNull(snapshot);
        Assert.Equal(5, snapshot.Version);
        // One event since it was loaded is below the threshold: replaying it is cheaper than a snapshot.
        Assert.Null(await _fixture.Store.LoadSnapshotAsync(SittingStream(quiet), Ct));

        using var next = _fixture.Host(options);
        var (state, version) = await next.GetAsync(busy.ToString(), Ct);
        Assert.Equal(5, version);
        Assert.Equal(3, state.Transcript.Count);
    }

    [Fact]
    public async Task A_host_disposed_at_shutdown_snapshots_its_active_aggregates()
    {
        var options = new AggregateHostOptions { SnapshotEvery = 1_000, SnapshotOnEvictionAfter = 2 };
        var host = _fixture.Host(options);
        var id = Guid.CreateVersion7();
        await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
        await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);
        await host.ExecuteAsync(id.ToString(), Segment("Đoạn cuối", _now), CommandOptions.None, Ct);
        Assert.Null(await _fixture.Store.LoadSnapshotAsync(SittingStream(id), Ct));

        await host.DisposeAsync();

        var snapshot = await _fixture.Store.LoadSnapshotAsync(SittingStream(id), Ct);
        Assert.NotNull(snapshot);
        Assert.Equal(3, snapshot.Version);
    }

    [Fact]
    public async Task Shutdown_snapshots_many_aggregates_a_few_at_a_time_and_writes_them_all()
    {
        var options = new AggregateHostOptions { SnapshotEvery = 1_000, SnapshotOnEvictionAfter = 2 };
        var host = _fixture.Host(options);
        var ids = Enumerable.Range(0, 9).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in ids)
        {
            await host.ExecuteAsync(id.ToString(), Schedule(id, _now), CommandOptions.None, Ct);
            await host.ExecuteAsync(id.ToString(), new OpenSitting(Chair, _now), CommandOptions.None, Ct);
        }

        await host.DisposeAsync();

        foreach (var id in ids)
        {
            Assert.Equal(2, (await _fixture.Store.LoadSnapshotAsync(SittingStream(id), Ct))?.Version);
        }
    }

    private static string SittingStream(Guid id) => $"sitting/{id}";

    /// <summary>Real timers, but a timestamp the test can push forward so activations look idle at once.</summary>
    private sealed class SteppingTimestamps : TimeProvider
    {
        private long _offset;

        public void Skip(TimeSpan by) => Interlocked.Add(ref _offset, (long)(by.TotalSeconds * TimestampFrequency));

        public override long GetTimestamp() => base.GetTimestamp() + Interlocked.Read(ref _offset);
    }
}
