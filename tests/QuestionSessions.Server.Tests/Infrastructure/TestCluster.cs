namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>
/// Several real nodes in one process over one PostgreSQL database, started at the same time (as a
/// rolling deploy or an autoscaler would), each seeding the demo: start-up and seeding must be safe
/// to race.
/// </summary>
internal sealed class TestCluster : IAsyncDisposable
{
    private readonly TestNode[] _nodes;

    private TestCluster(TestNode[] nodes) => _nodes = nodes;

    public TestNode this[int index] => _nodes[index];

    public IReadOnlyList<TestNode> Nodes => _nodes;

    public static async Task<TestCluster> StartAsync(TestStore store, int count, params string[] extra)
    {
        var starting = Enumerable.Range(0, count).Select(_ => TestNode.StartAsync(store, extra: extra)).ToArray();
        try
        {
            return new TestCluster(await Task.WhenAll(starting));
        }
        catch
        {
            // Stop the nodes that did start before reporting the one that did not.
            foreach (var task in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await task.Result.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
