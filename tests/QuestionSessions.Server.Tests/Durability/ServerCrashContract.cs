using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary>
/// A server process killed (SIGKILL) mid-sitting, with commands in flight, then started again on the
/// same database: every acknowledged event is there, the hash chains hold, and a viewer resumes from
/// its last version with no gap and no duplicate. Run on each provider.
/// </summary>
public abstract class ServerCrashContract
{
    private const int Writers = 3;
    private const int AcknowledgedBeforeKill = 40;

    /// <summary>This test's own database; created per test.</summary>
    private protected abstract TestStore Store { get; }

    [Fact]
    public async Task Killing_the_server_mid_sitting_loses_no_acknowledged_event()
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(90));
        var ct = bounded.Token;
        var store = Store;

        var first = await ServerProcess.StartAsync(store, ct);
        ServerProcess? second = null;
        try
        {
            using var chair = await TestNode.SignInAsync(first.Address, "chair.na");
            using var secretariat = await TestNode.SignInAsync(first.Address, "secretariat.na");
            AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));
            var joinedAt = AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open"));

            await using var viewer = await HubClient.ConnectAsync(first.Address, cancellationToken: ct);
            Assert.Equal("joined", (await viewer.JoinAsync(DemoSitting, joinedAt, ct)).GetProperty("outcome").GetString());

            // Writers post transcript segments until the server is gone, remembering what was acknowledged.
            var acknowledged = new ConcurrentQueue<(long Version, Guid SegmentId, string Markdown)>();
            var refused = new ConcurrentQueue<string>();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !ct.IsCancellationRequested; i++)
                {
                    var markdown = $"Người viết {w}, đoạn {i}";
                    (HttpStatusCode Status, JsonElement Body) answer;
                    try
                    {
                        answer = await SittingAsync(secretariat.Http, DemoSitting, "/transcript", new { speakerName = "Thư ký", markdown });
                    }
                    catch (HttpRequestException)
                    {
                        return; // The server died under this request: it was never acknowledged.
                    }

                    if (answer.Status == HttpStatusCode.OK)
                    {
                        acknowledged.Enqueue((answer.Body.GetProperty("version").GetInt64(), Id(answer.Body), markdown));
                    }
                    else
                    {
                        refused.Enqueue($"{(int)answer.Status}: {answer.Body}");
                    }
                }
            }, ct)).ToList();

            while (acknowledged.Count < AcknowledgedBeforeKill)
            {
                Assert.False(writers.Any(w => w.IsCompleted), $"A writer stopped before the kill:\n{first.Output}");
                await Task.Delay(10, ct);
            }

            await first.KillAsync();
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Empty(refused);

            // What the viewer got before the crash: in order, no gap, no duplicate.
            var seen = new List<long>();
            await foreach (var e in viewer.Events.ReadAllAsync(ct))
            {
                seen.Add(e.GetProperty("version").GetInt64());
            }

            var lastSeen = seen.Count == 0 ? joinedAt : seen[^1];
            Assert.Equal(Versions(joinedAt + 1, lastSeen), seen);

            // Restarted as a supervisor restarts a node: same host, same silo port. Orleans then knows the
            // killed silo for an older generation of this one and marks it dead as the new one joins.
            second = await ServerProcess.StartAsync(store, ct, first.SiloPort);
            using var reader = await TestNode.SignInAsync(second.Address, "secretariat.na");
            var state = await SittingStateAsync(reader.Http, DemoSitting);
            var afterRestart = state.GetProperty("version").GetInt64();
            Assert.True(afterRestart >= acknowledged.Max(a => a.Version),
                $"Version {afterRestart} after the restart; {acknowledged.Max(a => a.Version)} was acknowledged.");
            var transcript = (await TranscriptAsync(reader.Http, DemoSitting))
                .ToDictionary(t => t.GetProperty("segmentId").GetGuid(), t => t.GetProperty("markdown").GetString());
            foreach (var (_, segmentId, markdown) in acknowledged)
            {
                Assert.True(transcript.TryGetValue(segmentId, out var kept), $"Acknowledged segment '{markdown}' is gone.");
                Assert.Equal(markdown, kept);
            }

            // qs verify over the same database, while the new server runs.
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await CliApp.RunAsync(["verify", "--provider", store.Provider, "--connection", store.ConnectionString], output, error, ct);
            Assert.True(exit == CliApp.Ok, $"qs verify exited {exit}:\n{output}\n{error}");
            Assert.StartsWith("OK:", output.ToString().Trim(), StringComparison.Ordinal);

            // The viewer comes back on the new process with its last version and misses nothing.
            await using var resumed = await HubClient.ConnectAsync(second.Address, cancellationToken: ct);
            var reply = await resumed.JoinAsync(DemoSitting, lastSeen, ct);
            Assert.Equal("joined", reply.GetProperty("outcome").GetString());
            Assert.Equal(afterRestart - lastSeen, reply.GetProperty("caughtUp").GetInt64());
            var final = AcceptedVersion(await SittingAsync(reader.Http, DemoSitting, "/transcript", new { speakerName = "Thư ký", markdown = "Sau khi khởi động lại" }));
            Assert.Equal(afterRestart + 1, final);
            seen.AddRange(await resumed.VersionsUntilAsync(final));
            Assert.Equal(Versions(joinedAt + 1, final), seen);
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }
}
