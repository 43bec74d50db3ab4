using System.Collections.Concurrent;
using System.Net;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>
/// One node on its own SQLite file for all the tests of a class that asks for it (<c>IClassFixture</c>): only for
/// classes whose tests read, or are refused, so that no test sees what another did (xunit runs a class's tests one
/// at a time). Each account signs in once and its cookie is reused: the sign-in rate limit counts a whole class's
/// sign-ins on one node.
/// </summary>
public class SharedSqliteNode : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<CookieContainer>>> _sessions = new();
    private TestNode? _node;

    private protected TestNode Node => _node ?? throw new InvalidOperationException("The shared node has not started.");

    /// <summary>Extra server arguments for the node.</summary>
    private protected virtual string[] ExtraArguments => [];

    internal Uri Address => Node.Address;

    internal IServiceProvider Services => Node.Services;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store, extra: ExtraArguments);

    internal HttpClient Anonymous() => Node.Anonymous();

    /// <summary>A client signed in as a demo account, on the session this account opened first on this node.</summary>
    internal async Task<SignedInClient> SignInAsync(string username)
    {
        var session = _sessions.GetOrAdd(username, name => new Lazy<Task<CookieContainer>>(async () =>
        {
            using var first = await Node.SignInAsync(name);
            return first.Cookies;
        }));
        return TestNode.Client(Address, await session.Value);
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _store.Dispose();
        CleanUp();
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes what the fixture made besides the node and its store, after the node stopped.</summary>
    private protected virtual void CleanUp()
    {
    }
}
