using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Server.Cluster;

namespace QuestionSessions.Benchmarks.Failover;

/// <summary>
/// failover: three server processes, one Orleans cluster over PostgreSQL. A sitting is opened through one
/// node (it lives where it is first used) and kept busy by four writers on the other two; that node is killed
/// with SIGKILL. Ours: seconds from the kill to the first acknowledgement of a command sent after it, as
/// the sitting moves to a surviving node. Baseline: the same busy sitting, its writers on its own node, and
/// that node killed and restarted in place on the same ports, as a supervisor would: seconds from the kill
/// to the first acknowledgement after it. Writers retry on 503 and on a refused connection, each segment
/// with its own Idempotency-Key.
/// </summary>
internal sealed class FailoverScenario(BenchSettings settings) : IScenario
{
    private const int Writers = 4;
    private const int AcknowledgedBeforeKill = 20;
    private static readonly TimeSpan WindowTimeout = TimeSpan.FromSeconds(120);

    public ScenarioPlan Plan { get; } = new("failover", "s", 0, settings.FailoverPairs, RatioOf.BaselineOverOurs, 1.0, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var database = await context.RequirePostgres().CreateDatabaseAsync(cancellationToken);
        var ports = Enumerable.Range(0, 3).Select(_ => (Http: SiloHosting.FreePort(), Silo: SiloHosting.FreePort())).ToArray();
        var nodes = new NodeProcess?[3];
        try
        {
            // One first, so that it seeds the demo alone; then the other two join its cluster.
            nodes[0] = await NodeProcess.StartAsync(database.ConnectionString, ports[0].Http, ports[0].Silo, cancellationToken);
            for (var n = 1; n < 3; n++)
            {
                nodes[n] = await NodeProcess.StartAsync(database.ConnectionString, ports[n].Http, ports[n].Silo, cancellationToken);
            }

            Uri Address(int n) => new($"http://127.0.0.1:{ports[n].Http}");
            async Task RestartAsync(int n, CancellationToken ct)
            {
                nodes[n] = await NodeProcess.StartAsync(database.ConnectionString, ports[n].Http, ports[n].Silo, ct);
                await WaitReadyAsync(Address(n), ct);
            }

            async Task<WindowFigure> MeasureAsync(int window, bool inPlace, CancellationToken ct)
            {
                using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
                bounded.CancelAfter(WindowTimeout);
                var doomed = Math.Max(window, 0) % 3;
                int[] writerNodes = inPlace ? [doomed, doomed, doomed, doomed] : [.. Enumerable.Range(0, Writers).Select(w => (doomed + 1 + (w % 2)) % 3)];
                var sitting = await OpenSittingAsync(Address(doomed), bounded.Token);
                var run = new BusySitting(sitting, [.. writerNodes.Select(Address)]);
                var writing = run.StartAsync(bounded.Token);
                await run.WaitForAsync(AcknowledgedBeforeKill, bounded.Token);
                await nodes[doomed]!.KillAsync();
                var killedAt = Stopwatch.GetTimestamp();
                if (inPlace)
                {
                    await nodes[doomed]!.DisposeAsync();
                    await RestartAsync(doomed, bounded.Token);
                }

                var firstAck = await run.FirstAcknowledgedAfterAsync(killedAt, bounded.Token);
                await run.StopAsync(writing);
                if (!inPlace)
                {
                    await nodes[doomed]!.DisposeAsync();
                    await RestartAsync(doomed, bounded.Token);
                }

                return new WindowFigure(Stopwatch.GetElapsedTime(killedAt, firstAck).TotalSeconds, new Dictionary<string, double>
                {
                    ["acknowledged"] = run.Acknowledged,
                    ["refused503"] = run.Unavailable,
                    ["refusedConnection"] = run.Unreachable,
                });
            }

            var result = await AlternatingRunner.RunAsync(Plan,
                (i, ct) => MeasureAsync(i, inPlace: false, ct),
                (i, ct) => MeasureAsync(i, inPlace: true, ct),
                cancellationToken);
            result.Details["nodes"] = 3;
            result.Details["writers"] = Writers;
            result.Details["probeTimeoutSeconds"] = new ClusterSettings().ProbeTimeout.TotalSeconds;
            result.Details["missedProbesLimit"] = new ClusterSettings().MissedProbesLimit;
            result.Notes.Add("seconds from SIGKILL of the node holding a busy sitting to its next accepted command on another node "
                + "(4 writers on the two others, retrying 503 and refused connections with the same Idempotency-Key); baseline: the same "
                + "node killed and restarted in place on the same HTTP and silo ports (writers on it), to its next accepted command. "
                + $"Membership: ProbeTimeout {new ClusterSettings().ProbeTimeout.TotalSeconds} s x MissedProbesLimit {new ClusterSettings().MissedProbesLimit}.");
            return result;
        }
        finally
        {
            foreach (var node in nodes)
            {
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            }
        }
    }

    private static async Task<Guid> OpenSittingAsync(Uri node, CancellationToken cancellationToken)
    {
        using var secretariat = await SignInAsync(node, "secretariat.na", cancellationToken);
        using var chair = await SignInAsync(node, "chair.na", cancellationToken);
        using var scheduled = await secretariat.PostAsJsonAsync("/api/sittings", new
        {
            bodyId = "na",
            title = "Phiên chất vấn (benchmark chuyển nút)",
            startsAt = DateTimeOffset.UtcNow.AddHours(1),
            clusters = new[] { new { title = "Y tế", mainRespondentId = "na-o-health", relatedRespondentIds = Array.Empty<string>() } },
        }, cancellationToken);
        scheduled.EnsureSuccessStatusCode();
        var sitting = (await scheduled.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
        using var opened = await chair.PostAsJsonAsync($"/api/sittings/{sitting}/open", new { }, cancellationToken);
        opened.EnsureSuccessStatusCode();
        return sitting;
    }

    internal static async Task<HttpClient> SignInAsync(Uri node, string username, CancellationToken cancellationToken)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/api/auth/sign-in", new { username, password = "demo" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return http;
    }

    private static async Task WaitReadyAsync(Uri node, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync("/health/ready", cancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Writers keeping one sitting busy, each on its node, every segment sent until acknowledged.</summary>
    private sealed class BusySitting(Guid sitting, Uri[] writers)
    {
        private readonly ConcurrentQueue<(long SentAt, long AckedAt)> _acks = new();
        private readonly CancellationTokenSource _stop = new();
        private int _unavailable;
        private int _unreachable;

        public int Acknowledged => _acks.Count;

        public int Unavailable => _unavailable;

        public int Unreachable => _unreachable;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token).Token;
            return Task.WhenAll(writers.Select((node, w) => Task.Run(() => WriteAsync(node, w, run), CancellationToken.None)));
        }

        public async Task WaitForAsync(int count, CancellationToken cancellationToken)
        {
            while (_acks.Count < count)
            {
                await Task.Delay(10, cancellationToken);
            }
        }

        public async Task<long> FirstAcknowledgedAfterAsync(long since, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (_acks.Where(a => a.SentAt > since).Select(a => a.AckedAt).DefaultIfEmpty().Min() is > 0 and var first)
                {
                    return first;
                }

                await Task.Delay(10, cancellationToken);
            }
        }

        public async Task StopAsync(Task writing)
        {
            await _stop.CancelAsync();
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _stop.Dispose();
        }

        private async Task WriteAsync(Uri node, int writer, CancellationToken cancellationToken)
        {
            HttpClient? http = null;
            try
            {
                for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
                {
                    var key = $"failover-{sitting:N}-{writer}-{i}";
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        var sentAt = Stopwatch.GetTimestamp();
                        try
                        {
                            http ??= await SignInAsync(node, "secretariat.na", cancellationToken);
                            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sittings/{sitting}/transcript")
                            {
                                Content = JsonContent.Create(new { speakerName = "Thư ký", markdown = $"Người viết {writer}, đoạn {i}" }),
                            };
                            request.Headers.Add("Idempotency-Key", key);
                            using var response = await http.SendAsync(request, cancellationToken);
                            if (response.IsSuccessStatusCode)
                            {
                                _acks.Enqueue((sentAt, Stopwatch.GetTimestamp()));
                                break;
                            }

                            if (response.StatusCode == HttpStatusCode.Unauthorized)
                            {
                                http.Dispose();
                                http = null;
                            }
                            else if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                            {
                                throw new InvalidOperationException($"Writer {writer}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                            }

                            Interlocked.Increment(ref _unavailable);
                        }
                        catch (HttpRequestException)
                        {
                            // The node is down (SIGKILL) or not yet back: try again.
                            Interlocked.Increment(ref _unreachable);
                            http?.Dispose();
                            http = null;
                        }

                        await Task.Delay(20, cancellationToken);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                http?.Dispose();
            }
        }
    }
}
