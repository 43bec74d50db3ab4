using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Cluster;

/// <summary>Nodes of one cluster starting at the same moment, as after a deploy or a full restart.</summary>
public sealed class ClusterStartupTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    // Regressions: nodes starting together over an empty database raced on CREATE TABLE IF NOT EXISTS for
    // the read models, and all but one failed to start (23505 / 42P07 / 42710 from the catalog); and
    // listing sittings answered 500 on PostgreSQL (42P08: the untyped null body filter).
    [Fact]
    public async Task Nodes_starting_together_over_an_empty_database_all_start_and_seed_the_demo_once()
    {
        await using var cluster = await TestCluster.StartAsync(new TestStore("Postgres", _database.ConnectionString), 3);

        foreach (var node in cluster.Nodes)
        {
            using var http = node.Anonymous();
            using var ready = await http.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            // Every demo sitting exactly once, though every node ran the seed; the National Assembly's with
            // its three slips and nothing else.
            var expected = QuestionSessions.Server.Demo.DemoSeeder.Load().Sittings.Select(s => s.SittingId).Order().ToList();
            var listed = (await GetAsync(http, "/api/sittings")).EnumerateArray().ToList();
            Assert.Equal(expected, listed.Select(s => s.GetProperty("sittingId").GetGuid()).Order());
            var na = Assert.Single((await GetAsync(http, "/api/sittings?bodyId=na")).EnumerateArray());
            Assert.Equal(4, na.GetProperty("version").GetInt64());
            Assert.Equal(3, na.GetProperty("questions").GetInt32());
            Assert.Single((await GetAsync(http, "/api/sittings?bodyId=pc-hue")).EnumerateArray());
            using var chair = await node.SignInAsync("chair.na");
        }
    }
}
