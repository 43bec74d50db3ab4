using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Cluster;

/// <summary>
/// Two nodes over one PostgreSQL database, viewers on both, commands arriving on both: each node
/// tails the store's feed and relays to its own viewers, so every viewer sees every event once, in
/// order, whichever node took the command.
/// </summary>
public sealed class ClusterLiveTests : IAsyncLifetime
{
    // A database per test, not per class: every test drives the same demo sitting.
    private readonly PostgresDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Viewers_on_both_nodes_get_every_event_once_in_version_order()
    {
        await using var cluster = await TestCluster.StartAsync(new TestStore("Postgres", _database.ConnectionString), 2);
        var (a, b) = (cluster[0], cluster[1]);
        using var chair = await a.SignInAsync("chair.na");
        using var secretariat = await b.SignInAsync("secretariat.na");

        // Both nodes seeded the empty database at once: the demo sitting is there once (scheduled, 3 slips).
        var start = await VersionAsync(chair.Http, DemoSitting);
        Assert.Equal(4, start);

        var viewers = new List<(HubClient Client, long JoinedAt)>();
        try
        {
            foreach (var node in cluster.Nodes)
            {
                for (var i = 0; i < 3; i++)
                {
                    viewers.Add((await JoinAsync(node, start), start));
                }
            }

            var last = AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));
            last = AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open"));
            for (var d = 1; d <= 8; d++)
            {
                // Deputies register through both nodes, in turn.
                using var deputy = await cluster[d % 2].SignInAsync($"na-d-{d:000}");
                last = AcceptedVersion(await SittingAsync(deputy.Http, DemoSitting, "/registrations",
                    new { clusterId = HealthCluster, text = $"Câu hỏi của đại biểu {d}" }));
                if (d == 4)
                {
                    // Late viewers: one on A replays from the start, one on B joins at the version just
                    // acknowledged by the other node (the usual "load the state, then join" path).
                    viewers.Add((await JoinAsync(a, start), start));
                    viewers.Add((await JoinAsync(b, last), last));
                }
            }

            for (var i = 0; i < 6; i++)
            {
                last = AcceptedVersion(await SittingAsync(secretariat.Http, DemoSitting, "/transcript",
                    new { speakerName = "Thư ký", markdown = $"Đoạn {i}" }));
            }

            last = AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/close"));
            Assert.Equal(last, await VersionAsync(secretariat.Http, DemoSitting));

            var received = await Task.WhenAll(viewers.Select(v => v.Client.VersionsUntilAsync(last)));
            for (var i = 0; i < viewers.Count; i++)
            {
                Assert.Equal(Versions(viewers[i].JoinedAt + 1, last), received[i]);
            }

            // Nothing after the last event either: a duplicate relayed late would show up here.
            var extra = await Task.WhenAll(viewers.Select(v => v.Client.NextEventOrNullAsync(TimeSpan.FromMilliseconds(500))));
            Assert.All(extra, Assert.Null);
        }
        finally
        {
            foreach (var (client, _) in viewers)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task<HubClient> JoinAsync(TestNode node, long afterVersion)
    {
        var client = await node.ConnectHubAsync();
        try
        {
            var reply = await client.JoinAsync(DemoSitting, afterVersion, TestContext.Current.CancellationToken);
            Assert.Equal("joined", reply.GetProperty("outcome").GetString());
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }
}
