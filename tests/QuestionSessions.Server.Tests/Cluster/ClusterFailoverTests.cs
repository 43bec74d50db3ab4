using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Cluster;

/// <summary>
/// Three server processes, one Orleans cluster over one PostgreSQL database. The node holding a busy
/// sitting is killed with SIGKILL while the secretariat writes through the other two: the sitting moves to a
/// surviving node once membership declares the dead one dead, every acknowledged command is there exactly
/// once, and viewers on the surviving nodes receive every version in order.
/// </summary>
public sealed class ClusterFailoverTests : IAsyncLifetime
{
    // The membership settings every node runs with here (also the defaults): a dead node is declared dead
    // after about ProbeTimeout × MissedProbesLimit.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private const int MissedProbesLimit = 2;

    // The sitting must take commands again by then: the declaration, plus a table refresh and the
    // activation on a new node, with room for a slow machine. Measured figures are the benchmark's.
    private static readonly TimeSpan RecoveryDeadline = ProbeTimeout * MissedProbesLimit + TimeSpan.FromSeconds(26);

    private const int WritersPerSurvivor = 2;
    private const int AcknowledgedBeforeKill = 20;
    private const int AcknowledgedAfterKillPerWriter = 5;

    private readonly PostgresDatabase _database = new();

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Killing_the_node_that_holds_a_sitting_loses_no_acknowledged_command_and_the_others_carry_on_in_order()
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bounded.CancelAfter(TimeSpan.FromMinutes(3));
        var ct = bounded.Token;
        var store = new TestStore("Postgres", _database.ConnectionString);
        string[] membership = [$"--Orleans:ProbeTimeout={ProbeTimeout:c}", $"--Orleans:MissedProbesLimit={MissedProbesLimit}"];
        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServerProcess.StartAsync(store, ct, extra: membership)));
        try
        {
            var (doomed, survivors) = (nodes[0], nodes[1..]);

            // Scheduled and opened through the doomed node: a sitting lives where it is first used.
            using var secretariat = await TestNode.SignInAsync(doomed.Address, "secretariat.na");
            using var chair = await TestNode.SignInAsync(doomed.Address, "chair.na");
            var scheduled = await PostAsync(secretariat.Http, "/api/sittings", new
            {
                bodyId = "na",
                title = "Phiên chất vấn — kiểm thử chuyển nút",
                startsAt = DateTimeOffset.UtcNow.AddHours(1),
                clusters = new[] { new { title = "Y tế", mainRespondentId = "na-o-health", relatedRespondentIds = Array.Empty<string>() } },
            });
            AcceptedVersion(scheduled);
            var sitting = Id(scheduled.Body);
            var joinedAt = AcceptedVersion(await SittingAsync(chair.Http, sitting, "/open"));

            var viewers = new List<HubClient>();
            foreach (var node in survivors)
            {
                var viewer = await HubClient.ConnectAsync(node.Address, cancellationToken: ct);
                viewers.Add(viewer);
                Assert.Equal("joined", (await viewer.JoinAsync(sitting, joinedAt, ct)).GetProperty("outcome").GetString());
            }

            // Writers on the surviving nodes: each segment is sent until acknowledged, always with its own
            // Idempotency-Key, so one that was recorded before its answer was lost is not recorded twice.
            var acknowledged = new ConcurrentQueue<(long Version, Guid SegmentId, string Markdown, long SentAt, long AckedAt)>();
            var unavailable = 0;
            var unexpected = new ConcurrentQueue<string>();
            using var stop = new CancellationTokenSource();
            var clients = new List<SignedInClient>();
            foreach (var node in survivors)
            {
                for (var w = 0; w < WritersPerSurvivor; w++)
                {
                    clients.Add(await TestNode.SignInAsync(node.Address, "secretariat.na"));
                }
            }

            var writers = clients.Select((client, w) => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var markdown = $"Người viết {w}, đoạn {i}: ý kiến về bảo hiểm y tế";
                    var key = new Dictionary<string, string> { ["Idempotency-Key"] = $"failover-{w}-{i}" };
                    while (true)
                    {
                        ct.ThrowIfCancellationRequested();
                        var sentAt = Stopwatch.GetTimestamp();
                        var answer = await SittingAsync(client.Http, sitting, "/transcript", new { speakerName = "Thư ký", markdown }, key);
                        if (answer.Status == HttpStatusCode.OK)
                        {
                            acknowledged.Enqueue((answer.Body.GetProperty("version").GetInt64(), Id(answer.Body), markdown, sentAt, Stopwatch.GetTimestamp()));
                            break;
                        }

                        if (answer.Status == HttpStatusCode.ServiceUnavailable
                            && answer.Body.GetProperty("code").GetString() is "temporarily_unavailable" or "sitting_busy")
                        {
                            Interlocked.Increment(ref unavailable);
                            await Task.Delay(100, ct);
                            continue;
                        }

                        unexpected.Enqueue($"{(int)answer.Status}: {answer.Body}");
                        return;
                    }
                }
            }, ct)).ToList();

            await WaitForAsync(() => acknowledged.Count >= AcknowledgedBeforeKill, writers, () => $"writes before the kill ({string.Join("; ", unexpected)})", ct);
            await doomed.KillAsync();
            var killedAt = Stopwatch.GetTimestamp();
            var target = acknowledged.Count + (AcknowledgedAfterKillPerWriter * clients.Count);
            await WaitForAsync(() => acknowledged.Count >= target, writers, () => $"writes after the kill ({string.Join("; ", unexpected)})", ct);
            await stop.CancelAsync();
            await Task.WhenAll(writers);
            Assert.Empty(unexpected);

            // From the moment the process was gone to the first acknowledgement of a command sent after it.
            var firstAfterKill = acknowledged.Where(a => a.SentAt > killedAt).Min(a => a.AckedAt);
            var recovery = Stopwatch.GetElapsedTime(killedAt, firstAfterKill);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"Failover: first command accepted {recovery.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s after SIGKILL; {unavailable} answers were 503 meanwhile.");
            // The sitting was on the killed node: commands through the others were refused (503) until it moved.
            Assert.True(unavailable > 0, "No command was refused after the kill: the sitting was not on the killed node.");
            Assert.True(recovery < RecoveryDeadline, $"The sitting took commands again only {recovery} after the kill (deadline {RecoveryDeadline}).");

            // The history, read through a survivor: versions 1..final with no gap, each acknowledged segment
            // exactly once and at the version its answer named, and nothing else written.
            using var reader = new HttpClient { BaseAddress = survivors[0].Address };
            var history = (await GetAsync(reader, $"/api/sittings/{sitting}/events?after=0")).EnumerateArray().ToList();
            var final = history[^1].GetProperty("version").GetInt64();
            Assert.Equal(Versions(1, final), history.Select(e => e.GetProperty("version").GetInt64()));
            var segments = history.Where(e => e.GetProperty("type").GetString() == "transcript_segment_published").ToList();
            Assert.Equal(acknowledged.Count, segments.Count);
            var byVersion = segments.ToDictionary(e => e.GetProperty("version").GetInt64(), e => e.GetProperty("data"));
            foreach (var (version, segmentId, markdown, _, _) in acknowledged)
            {
                Assert.Equal(segmentId, byVersion[version].GetProperty("segmentId").GetGuid());
                Assert.Equal(markdown, byVersion[version].GetProperty("markdown").GetString());
            }

            foreach (var viewer in viewers)
            {
                Assert.Equal(Versions(joinedAt + 1, final), await viewer.VersionsUntilAsync(final, TimeSpan.FromSeconds(60)));
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApp.RunAsync(["verify", "--provider", store.Provider, "--connection", store.ConnectionString], output, error, ct);
            Assert.True(exit == CliApp.Ok, $"qs verify exited {exit}:\n{output}\n{error}");

            foreach (var viewer in viewers)
            {
                await viewer.DisposeAsync();
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, List<Task> writers, Func<string> what, CancellationToken ct)
    {
        while (!condition())
        {
            if (writers.FirstOrDefault(w => w.IsCompleted) is { } done)
            {
                await done; // surfaces the writer's exception
                Assert.Fail($"A writer stopped while waiting for {what()}.");
            }

            await Task.Delay(20, ct);
        }
    }
}
