using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// A stopped and disposed node lets go of what it held. The rate limiting middleware's timer used to keep every disposed
/// node's pipeline and services alive (dotnet/aspnetcore#69259): about 55 MB a node, 15 GB over this suite.
/// </summary>
public sealed class NodeLifetimeTests
{
    [Fact]
    public async Task Nodes_that_served_requests_and_were_disposed_do_not_add_up_in_memory()
    {
        await ServeAndDisposeAsync();
        var afterOne = SettledHeapBytes();
        for (var i = 0; i < 3; i++)
        {
            await ServeAndDisposeAsync();
        }

        var grown = SettledHeapBytes() - afterOne;
        // Three leaked nodes held about 165 MB; three released ones leave caches and noise of a few MB.
        Assert.True(grown < 30_000_000, $"the heap grew by {grown / 1_000_000} MB over three disposed nodes");
    }

    private static long SettledHeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task ServeAndDisposeAsync()
    {
        using var store = new SqliteTestStore();
        await using var node = await TestNode.StartAsync(store.Store, seed: false);
        using var http = node.Anonymous();
        // Through the rate limiter and the endpoints, so every middleware has been built and has run.
        using var response = await http.GetAsync("/api/sittings", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
