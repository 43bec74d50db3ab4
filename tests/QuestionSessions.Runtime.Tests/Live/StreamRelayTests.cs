using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using QuestionSessions.Runtime.Live;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Storage.Sqlite;

namespace QuestionSessions.Runtime.Tests.Live;

public sealed class StreamRelayTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-relay-").FullName;
    private IEventStore _store = null!;
    private StreamRelay<StoredEvent> _relay = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteEventStore($"Data Source={Path.Combine(_folder, "qs.db")}", TimeProvider.System);
        await _store.InitializeAsync(Ct);
        _relay = new StreamRelay<StoredEvent>(_store, e => e, new RelayOptions { PollInterval = TimeSpan.FromMilliseconds(100), MaxCatchUp = 100 },
            NullLogger<StreamRelay<StoredEvent>>.Instance);
        await _relay.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _relay.DisposeAsync();
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Every_viewer_gets_each_event_once_in_version_order()
    {
        var viewers = Enumerable.Range(0, 3).Select(i => new Viewer($"v{i}")).ToList();
        foreach (var viewer in viewers)
        {
            await _relay.JoinAsync("sitting/a", 0, viewer, Ct);
        }

        await AppendAsync("sitting/a", 30);
        await AppendAsync("sitting/other", 5);

        foreach (var viewer in viewers)
        {
            Assert.Equal(Range(1, 30), await viewer.UntilAsync(30));
            Assert.DoesNotContain(viewer.Received, e => e.StreamId != "sitting/a");
        }
    }

    [Fact]
    public async Task Joining_while_events_are_appended_meets_the_live_stream_exactly()
    {
        await AppendAsync("sitting/b", 5);
        var writing = Task.Run(() => AppendAsync("sitting/b", 60), Ct);
        var viewers = new List<Viewer>();
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(15, Ct);
            var viewer = new Viewer($"late{i}");
            var joined = await _relay.JoinAsync("sitting/b", 5, viewer, Ct);
            Assert.Equal(JoinOutcome.Joined, joined.Outcome);
            viewers.Add(viewer);
        }

        await writing;
        foreach (var viewer in viewers)
        {
            Assert.Equal(Range(6, 60), await viewer.UntilAsync(65));
        }
    }

    [Fact]
    public async Task A_viewer_whose_buffer_fills_is_dropped_and_the_others_carry_on()
    {
        var slow = new Viewer("slow", capacity: 3);
        var fast = new Viewer("fast");
        await _relay.JoinAsync("sitting/c", 0, slow, Ct);
        await _relay.JoinAsync("sitting/c", 0, fast, Ct);

        await AppendAsync("sitting/c", 10);

        Assert.Equal(Range(1, 10), await fast.UntilAsync(10));
        Assert.Equal(["sitting/c"], slow.Overflows);
        Assert.Equal(Range(1, 3), slow.Received.Select(e => e.Version));
    }

    [Fact]
    public async Task A_viewer_too_far_behind_is_told_to_reload()
    {
        await AppendAsync("sitting/d", 120);
        var viewer = new Viewer("behind");

        var result = await _relay.JoinAsync("sitting/d", 0, viewer, Ct);

        Assert.Equal(JoinOutcome.ReloadRequired, result.Outcome);
        Assert.Equal(120, result.Version);
        Assert.Empty(viewer.Received);
        Assert.Equal(0, _relay.WatchedCount);
    }

    [Fact]
    public async Task A_viewer_claiming_a_version_the_stream_never_had_is_told_to_reload()
    {
        await AppendAsync("sitting/f", 4);
        var viewer = new Viewer("ahead");

        var result = await _relay.JoinAsync("sitting/f", 9, viewer, Ct);

        Assert.Equal(JoinOutcome.ReloadRequired, result.Outcome);
        Assert.Equal(4, result.Version);
    }

    [Fact]
    public async Task A_stream_is_no_longer_watched_after_its_last_viewer_leaves()
    {
        var viewer = new Viewer("once");
        await _relay.JoinAsync("sitting/e", 0, viewer, Ct);
        Assert.Equal(1, _relay.WatchedCount);

        await _relay.LeaveAsync("sitting/e", viewer, Ct);
        await AppendAsync("sitting/e", 3);
        await Task.Delay(300, Ct);

        Assert.Equal(0, _relay.WatchedCount);
        Assert.Empty(viewer.Received);
    }

    private async Task AppendAsync(string stream, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var version = await _store.GetStreamVersionAsync(stream, Ct);
            await _store.AppendAsync(new AppendRequest(stream, version, [new NewEvent("segment", $$"""{"n":{{version + 1}}}""", "{}")]), Ct);
        }
    }

    private static IEnumerable<long> Range(int from, int count) => Enumerable.Range(from, count).Select(v => (long)v);

    private sealed class Viewer(string id, int capacity = int.MaxValue) : IRelayViewer<StoredEvent>
    {
        private readonly ConcurrentQueue<StoredEvent> _received = new();

        public string Id => id;

        public IReadOnlyList<StoredEvent> Received => [.. _received];

        public ConcurrentBag<string> Overflows { get; } = [];

        public bool TryDeliver(StoredEvent message)
        {
            if (_received.Count >= capacity)
            {
                return false;
            }

            _received.Enqueue(message);
            return true;
        }

        public void Overflowed(string streamId) => Overflows.Add(streamId);

        public async Task<IReadOnlyList<long>> UntilAsync(long version)
        {
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!_received.Any(e => e.Version >= version) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            return [.. _received.Select(e => e.Version)];
        }
    }
}
