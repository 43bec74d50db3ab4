using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

/// <summary>
/// The behaviour every event store must have. Each provider's test class only says how to build a
/// store over a database of its own; every test here runs unchanged on each provider. Tests use
/// fresh stream ids and read the global feed from the head they observed, so they never depend on
/// what other tests wrote.
/// </summary>
public abstract partial class EventStoreContract : IAsyncLifetime
{
    private readonly List<IEventStore> nodes = [];

    protected ManualClock Clock { get; } = new();

    /// <summary>The store under test, initialised.</summary>
    protected IEventStore Store { get; private set; } = null!;

    /// <summary>PostgreSQL: two appends to different streams can both be in flight. SQLite serialises them.</summary>
    protected abstract bool WritersRunConcurrently { get; }

    /// <summary>PostgreSQL: another node sees StreamMoved for this node's commits. SQLite: only local commits.</summary>
    protected abstract bool StreamMovedCrossesNodes { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new store instance (a "node") over this test's database; the contract initialises it.</summary>
    protected abstract IEventStore CreateStore(TimeProvider clock);

    /// <summary>
    /// A hold on appends for tests that must catch an append in the middle. Its <see cref="AppendHold.Write"/>,
    /// put among an append's projection writes, keeps that append from committing after its inserts
    /// (PostgreSQL) or from starting its write transaction (SQLite, whose writers queue anyway) until
    /// <see cref="AppendHold.ReleaseAsync"/>, so a race test really races in the database rather than
    /// one appender after another.
    /// </summary>
    protected abstract Task<AppendHold> HoldAppendsAsync();

    protected abstract class AppendHold : IAsyncDisposable
    {
        public abstract ProjectionWrite Write { get; }

        /// <summary>Returns once <paramref name="count"/> appenders are blocked in the database: the held one and those queued behind it.</summary>
        public abstract Task WaitUntilBlockedAsync(int count, CancellationToken cancellationToken);

        public abstract Task ReleaseAsync();

        public abstract ValueTask DisposeAsync();
    }

    /// <summary>A projection write that always fails, on either provider.</summary>
    protected static ProjectionWrite FailingWrite { get; } = new("INSERT INTO no_such_table (x) VALUES (@x)", [("x", 1)]);

    public async ValueTask InitializeAsync() => Store = await OpenNodeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        await DisposeDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected virtual ValueTask DisposeDatabaseAsync() => ValueTask.CompletedTask;

    protected async Task<IEventStore> OpenNodeAsync()
    {
        var node = CreateStore(Clock);
        nodes.Add(node);
        await node.InitializeAsync(Ct);
        return node;
    }

    protected static string NewStreamId(string kind = "sitting") => $"{kind}/{Guid.NewGuid():N}";

    protected static NewEvent Event(string text, string type = "question_filed") =>
        new(type, $$"""{"text":"{{text}}"}""", """{"actor":"deputy/42","correlation":"c-1"}""");

    protected static NewEvent[] Events(params string[] texts) => [.. texts.Select(t => Event(t))];

    protected Task<AppendResult> AppendAsync(string streamId, long expectedVersion, params string[] texts) =>
        Store.AppendAsync(new AppendRequest(streamId, expectedVersion, Events(texts)), Ct);

    /// <summary>Reads the feed from <paramref name="from"/> until <paramref name="done"/> holds for the entries of <paramref name="streams"/>.</summary>
    protected async Task<(List<FeedEntry> Entries, FeedPosition Next)> ReadFeedUntilAsync(
        FeedPosition from, IReadOnlyCollection<string> streams, Func<List<FeedEntry>, bool> done, int pageSize = 100)
    {
        var entries = new List<FeedEntry>();
        var cursor = from;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var page = await Store.ReadFeedAsync(cursor, pageSize, Ct);
            entries.AddRange(page.Entries.Where(e => streams.Contains(e.Event.StreamId)));
            cursor = page.Next;
            if (done(entries))
            {
                return (entries, cursor);
            }

            if (page.Entries.Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "The feed did not deliver the expected events in time.");
                await Task.Delay(20, Ct);
            }
        }
    }
}
