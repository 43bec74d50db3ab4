using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Cluster;

/// <summary>
/// Commands on one sitting arriving through two nodes of one Orleans cluster at once: they all land on the
/// sitting's single activation, one at a time, and nothing acknowledged is lost.
/// </summary>
public sealed class ClusterConcurrencyTests : IAsyncLifetime
{
    private const int SegmentsPerNode = 10;

    // A database per test, not per class: every test drives the same demo sitting.
    private readonly PostgresDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Concurrent_commands_on_one_sitting_through_both_nodes_lose_nothing()
    {
        await using var cluster = await TestCluster.StartAsync(new TestStore("Postgres", _database.ConnectionString), 2);
        var (a, b) = (cluster[0], cluster[1]);
        using var chair = await a.SignInAsync("chair.na");
        AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));
        var opened = AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open"));

        await using var viewerA = await a.ConnectHubAsync();
        await using var viewerB = await b.ConnectHubAsync();
        await viewerA.JoinAsync(DemoSitting, opened, TestContext.Current.CancellationToken);
        await viewerB.JoinAsync(DemoSitting, opened, TestContext.Current.CancellationToken);

        // The secretariat signed in on each node; eight deputies split across the two.
        var secretariats = new[] { await a.SignInAsync("secretariat.na"), await b.SignInAsync("secretariat.na") };
        var deputies = new List<SignedInClient>();
        for (var d = 1; d <= 8; d++)
        {
            deputies.Add(await cluster[d % 2].SignInAsync($"na-d-{d:000}"));
        }

        try
        {
            // Every call is started before any is awaited: both nodes append to one stream at once.
            var markdowns = secretariats.SelectMany((_, node) => Enumerable.Range(0, SegmentsPerNode).Select(i => $"Nút {node}, đoạn {i}")).ToList();
            var segmentCalls = markdowns.Select((markdown, i) => SittingAsync(secretariats[i / SegmentsPerNode].Http, DemoSitting, "/transcript",
                new { speakerName = "Thư ký", markdown })).ToList();
            var registrationCalls = deputies.Select((d, i) => SittingAsync(d.Http, DemoSitting, "/registrations",
                new { clusterId = HealthCluster, text = $"Câu hỏi {i}" })).ToList();
            var segments = await Task.WhenAll(segmentCalls);
            var registrations = await Task.WhenAll(registrationCalls);

            // A segment is one event; a floor registration two (its question filed, then the registration).
            // Each answer names the command's last version: together they tile the stream after `opened`.
            var commands = segments.Select(r => (Last: AcceptedVersion(r), Types: new[] { "transcript_segment_published" }))
                .Concat(registrations.Select(r => (Last: AcceptedVersion(r), Types: new[] { "question_filed", "speaker_registered" })))
                .ToList();
            var final = opened + commands.Sum(c => c.Types.Length);
            Assert.Equal(Versions(opened + 1, final), commands.SelectMany(c => Versions(c.Last - c.Types.Length + 1, c.Last)).Order());

            var state = await SittingStateAsync(chair.Http, DemoSitting);
            Assert.Equal(final, state.GetProperty("version").GetInt64());
            var transcript = (await TranscriptAsync(chair.Http, DemoSitting))
                .ToDictionary(t => t.GetProperty("segmentId").GetGuid(), t => t.GetProperty("markdown").GetString());
            Assert.Equal(markdowns.Count, transcript.Count);
            for (var i = 0; i < markdowns.Count; i++)
            {
                Assert.Equal(markdowns[i], transcript[Id(segments[i].Body)]);
            }

            var registered = state.GetProperty("registrations").EnumerateArray().Select(r => r.GetProperty("registrationId").GetGuid()).ToHashSet();
            Assert.Equal(registrations.Select(r => Id(r.Body)).ToHashSet(), registered);

            // The other node sees the same state.
            Assert.Equal(final, await VersionAsync(secretariats[1].Http, DemoSitting));

            // In the store: versions 1..final with no gap, and an unbroken hash chain.
            var store = b.Services.GetRequiredService<IEventStore>();
            var stream = SittingGrain.StreamId(DemoSitting);
            var stored = await store.ReadStreamAsync(stream, 1, 10_000, TestContext.Current.CancellationToken);
            Assert.Equal(Versions(1, final), stored.Select(e => e.Version));
            foreach (var (last, types) in commands)
            {
                Assert.Equal(types, stored.Skip((int)(last - types.Length)).Take(types.Length).Select(e => e.Type));
            }

            var chain = await store.VerifyStreamAsync(stream, TestContext.Current.CancellationToken);
            Assert.True(chain.IsValid, chain.Reason);
            Assert.Equal(final, chain.EventsChecked);

            Assert.Equal(Versions(opened + 1, final), await viewerA.VersionsUntilAsync(final));
            Assert.Equal(Versions(opened + 1, final), await viewerB.VersionsUntilAsync(final));
        }
        finally
        {
            foreach (var client in deputies.Concat(secretariats))
            {
                client.Dispose();
            }
        }
    }
}
