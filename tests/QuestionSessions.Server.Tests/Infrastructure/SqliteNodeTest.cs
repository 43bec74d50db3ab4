namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>A fresh node on its own SQLite file for every test (xunit makes a class instance per test).</summary>
public abstract class SqliteNodeTest : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();

    private protected TestNode Node { get; private set; } = null!;

    /// <summary>The options that name this test's database to <c>qs</c>, which writes to it while the node runs.</summary>
    private protected string[] QsStore => ["--provider", _store.Store.Provider, "--connection", _store.Store.ConnectionString];

    /// <summary>The clock the node runs on; null for the real one.</summary>
    private protected virtual TimeProvider? Clock => null;

    /// <summary>Extra server arguments for this class's nodes.</summary>
    private protected virtual string[] ExtraArguments => [];

    public async ValueTask InitializeAsync() => Node = await TestNode.StartAsync(_store.Store, clock: Clock, extra: ExtraArguments);

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        _store.Dispose();
        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what a test class made besides the node and its store, after the node stopped.</summary>
    private protected virtual void CleanUp()
    {
    }
}
