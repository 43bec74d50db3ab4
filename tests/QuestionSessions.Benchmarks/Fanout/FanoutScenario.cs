using System.Diagnostics;
using QuestionSessions.Benchmarks.Append;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Benchmarks.Servers;
using QuestionSessions.Benchmarks.Viewers;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Fanout;

/// <summary>
/// fanout-N: N WebSocket viewers of the demo sitting on a real server node (PostgreSQL store), and N on a
/// bare SignalR hub in the same process. Both crowds stay connected throughout; each window sends 20
/// events/s to one side only. Ours: a transcript segment through the command path, timed from the moment
/// the append returned (committed) until each viewer's receive loop has it, which covers NOTIFY, the
/// relay's feed read, the per-connection outboxes and the socket; also timed from the append's start,
/// which bounds it from above when a busy process notices the commit late. Bare: the same payload sent
/// to the group with IHubContext, timed from the call.
/// </summary>
internal sealed class FanoutScenario(BenchSettings settings) : IScenario
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    public ScenarioPlan Plan { get; } = new(
        $"fanout-{settings.FanoutViewers}", "ms p99", settings.Warmups, settings.FanoutPairs, RatioOf.BaselineOverOurs, 0.8, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var database = await context.RequirePostgres().CreateDatabaseAsync(cancellationToken);
        await using var real = await RealServer.StartAsync("Postgres", database.ConnectionString, cancellationToken);
        await using var bare = await BareServer.StartAsync(cancellationToken);

        var sittings = real.Sittings;
        var key = RealServer.DemoSitting;
        await SittingFixture.ExpectAcceptedAsync(sittings, key, new OpenSitting(SittingFixture.Chair, DateTimeOffset.UtcNow), cancellationToken);
        var first = await SittingFixture.ExpectAcceptedAsync(sittings, key, SittingFixture.Segment(DateTimeOffset.UtcNow), cancellationToken);
        // The same payload the real hub sends, transcript HTML included.
        var template = LiveEvent.From(await SittingFixture.StoredAsync(real.Store, key, first.Version, cancellationToken), new QuestionSessions.Server.Sittings.TranscriptRenderer());
        var joinedAt = first.Version;

        var capacity = (Plan.Warmups + Plan.Pairs) * settings.FanoutEventsPerWindow + 16;
        var oursLog = new LatencyLog(joinedAt + 1, capacity);
        var bareLog = new LatencyLog(1, capacity);
        var viewers = settings.FanoutViewers;

        var watch = Stopwatch.StartNew();
        await using var oursCrowd = await ViewerCrowd.ConnectAsync(real.Hub, viewers, oursLog,
            (v, ct) => JoinAsync(v, joinedAt, ct), cancellationToken);
        var oursConnect = watch.Elapsed;
        watch.Restart();
        await using var bareCrowd = await ViewerCrowd.ConnectAsync(bare.Hub, viewers, bareLog,
            (v, ct) => JoinAsync(v, 0, ct), cancellationToken);
        var bareConnect = watch.Elapsed;
        Console.WriteLine($"  {Plan.Name,-24} connected and joined {viewers} viewers to each hub ({oursConnect.TotalSeconds:0.0} s real, {bareConnect.TotalSeconds:0.0} s bare)");

        var oursNext = joinedAt;
        var appendMillis = new System.Collections.Concurrent.ConcurrentQueue<double>();
        async Task<long> SendOursAsync(LatencyWindow window, CancellationToken ct)
        {
            var version = ++oursNext;
            var before = Stopwatch.GetTimestamp();
            oursLog.Expect(version, window, before);
            var appended = await SittingFixture.ExpectAcceptedAsync(sittings, key, SittingFixture.Segment(DateTimeOffset.UtcNow), ct);
            var committed = Stopwatch.GetTimestamp();
            oursLog.Sent(version, committed);
            appendMillis.Enqueue(Stopwatch.GetElapsedTime(before, committed).TotalMilliseconds);
            return appended.Version == version
                ? version
                : throw new InvalidOperationException($"Expected version {version}, the append made {appended.Version}: another writer on the sitting?");
        }

        var bareNext = 0L;
        async Task<long> SendBareAsync(LatencyWindow window, CancellationToken ct)
        {
            var version = ++bareNext;
            var payload = template with { Version = version, RecordedAt = DateTimeOffset.UtcNow };
            var sent = Stopwatch.GetTimestamp();
            bareLog.Expect(version, window, sent);
            bareLog.Sent(version, sent);
            await bare.BroadcastAsync(RealServer.DemoSitting, payload, ct);
            return version;
        }

        // Ours is started on every tick without waiting for the previous append: the sitting's mailbox
        // takes them one at a time in order, so a path slower than the rate shows as a backlog (latency
        // from the append's start) instead of quietly lowering the rate. The bare sends are awaited one
        // by one: two group sends at once could reach a connection out of order.
        var result = await AlternatingRunner.RunAsync(Plan,
            (_, ct) => MeasureWindowAsync(SendOursAsync, pipelined: true, oursCrowd, ct),
            (_, ct) => MeasureWindowAsync(SendBareAsync, pipelined: false, bareCrowd, ct),
            cancellationToken);

        result.Details["viewersPerHub"] = viewers;
        result.Details["eventsPerSecond"] = settings.EventsPerSecond;
        result.Details["eventsPerWindow"] = settings.FanoutEventsPerWindow;
        result.Details["oursP50Ms"] = result.MedianOurs("p50Ms");
        result.Details["baselineP50Ms"] = result.MedianBaseline("p50Ms");
        result.Details["oursP99FromAppendStartMs"] = result.MedianOurs("p99FromStartMs");
        result.Details["oursP50FromAppendStartMs"] = result.MedianOurs("p50FromStartMs");
        result.Details["oursP999Ms"] = result.MedianOurs("p999Ms");
        result.Details["baselineP999Ms"] = result.MedianBaseline("p999Ms");
        result.Details["oursEventsPerSecondAchieved"] = result.MedianOurs("eventsPerSecond");
        result.Details["baselineEventsPerSecondAchieved"] = result.MedianBaseline("eventsPerSecond");
        result.Details["oursCpuMsPerEvent"] = result.MedianOurs("cpuMsPerEvent");
        result.Details["baselineCpuMsPerEvent"] = result.MedianBaseline("cpuMsPerEvent");
        result.Details["oursDeliveryPercent"] = result.Windows.Min(w => w.Ours["deliveryPercent"]);
        result.Details["baselineDeliveryPercent"] = result.Windows.Min(w => w.Baseline["deliveryPercent"]);
        result.Details["oursDisconnects"] = oursCrowd.Disconnected;
        result.Details["baselineDisconnects"] = bareCrowd.Disconnected;
        result.Details["disconnectReasons"] = oursCrowd.DisconnectReasons.Concat(bareCrowd.DisconnectReasons).ToArray();
        result.Details["oursOutOfOrder"] = oursCrowd.OutOfOrder;
        result.Details["baselineOutOfOrder"] = bareCrowd.OutOfOrder;
        result.Details["strayEvents"] = oursLog.Stray + bareLog.Stray;
        result.Details["oursEarlyReceipts"] = result.Windows.Sum(w => w.Ours["early"]);
        result.Details["oursAppendMsP50"] = Stats.Median(appendMillis);
        result.Details["connectSecondsOurs"] = oursConnect.TotalSeconds;
        result.Details["connectSecondsBaseline"] = bareConnect.TotalSeconds;
        result.Notes.Add(
            $"offered {settings.EventsPerSecond} events/s; achieved (median) ours {AlternatingRunner.Format(result.MedianOurs("eventsPerSecond"))} commits/s, "
            + $"bare {AlternatingRunner.Format(result.MedianBaseline("eventsPerSecond"))} sends/s; "
            + $"p50 ours {AlternatingRunner.Format(result.MedianOurs("p50Ms"))} ms vs bare {AlternatingRunner.Format(result.MedianBaseline("p50Ms"))} ms; "
            + $"ours from the append's start (an upper bound when the process is busy): p50 {AlternatingRunner.Format(result.MedianOurs("p50FromStartMs"))} ms, p99 {AlternatingRunner.Format(result.MedianOurs("p99FromStartMs"))} ms; "
            + $"delivery ours {result.Details["oursDeliveryPercent"]}% / bare {result.Details["baselineDeliveryPercent"]}% (worst window); "
            + $"process CPU per event (server + {viewers} viewers) ours {AlternatingRunner.Format(result.MedianOurs("cpuMsPerEvent"))} ms / bare {AlternatingRunner.Format(result.MedianBaseline("cpuMsPerEvent"))} ms; "
            + $"disconnects ours {oursCrowd.Disconnected} / bare {bareCrowd.Disconnected}; out-of-order ours {oursCrowd.OutOfOrder} / bare {bareCrowd.OutOfOrder}.");
        return result;
    }

    private static async Task JoinAsync(Viewer viewer, long afterVersion, CancellationToken cancellationToken)
    {
        var reply = await viewer.JoinAsync(RealServer.DemoSitting, afterVersion, cancellationToken);
        if (!string.Equals(reply.Outcome, "joined", StringComparison.OrdinalIgnoreCase) || reply.Version != afterVersion)
        {
            throw new InvalidOperationException($"Join answered {reply.Outcome} at {reply.Version}, expected joined at {afterVersion}.");
        }
    }

    private async Task<WindowFigure> MeasureWindowAsync(
        Func<LatencyWindow, CancellationToken, Task<long>> sendOne, bool pipelined, ViewerCrowd crowd, CancellationToken cancellationToken)
    {
        var events = settings.FanoutEventsPerWindow;
        var connected = crowd.Count - crowd.Disconnected;
        var window = new LatencyWindow(events * crowd.Count);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var period = TimeSpan.FromSeconds(1.0 / settings.EventsPerSecond);
        var started = Stopwatch.GetTimestamp();
        var sends = new List<Task<long>>(events);
        for (var i = 0; i < events; i++)
        {
            // A fixed schedule: a late send goes at once, so the offered rate holds on average.
            var wait = period * (i + 1) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var send = sendOne(window, cancellationToken);
            sends.Add(send);
            if (!pipelined)
            {
                await send;
            }
        }

        var last = (await Task.WhenAll(sends)).Max();
        var rate = events / Stopwatch.GetElapsedTime(started).TotalSeconds;
        await crowd.WaitForVersionAsync(last, DrainTimeout, cancellationToken);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var (p50, p99, p999, max) = window.Percentiles();
        var fromStart = window.PercentilesFromStart();
        return new WindowFigure(p99, new Dictionary<string, double>
        {
            ["p50Ms"] = p50,
            ["p999Ms"] = p999,
            ["maxMs"] = max,
            ["p50FromStartMs"] = fromStart.P50,
            ["p99FromStartMs"] = fromStart.P99,
            ["deliveryPercent"] = 100.0 * window.Count / ((double)events * connected),
            ["early"] = window.Early,
            ["disconnects"] = crowd.Disconnected - (crowd.Count - connected),
            ["eventsPerSecond"] = rate,
            // The whole process (server, the other crowd's pings, every viewer's receive loop): the same
            // client work on both sides, so the difference is the server's.
            ["cpuMsPerEvent"] = cpu.TotalMilliseconds / events,
        });
    }
}
