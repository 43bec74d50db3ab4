using System.Diagnostics;
using QuestionSessions.Benchmarks.Append;
using QuestionSessions.Benchmarks.Children;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Benchmarks.Servers;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Fanout;

/// <summary>
/// fanout-N: N WebSocket viewers of the demo sitting on a real server node (PostgreSQL store), and N on a
/// bare SignalR hub. The real node runs in this process; the bare hub and each crowd of viewers run in
/// processes of their own (<see cref="ServerChildMode"/>, <see cref="ViewerChildMode"/>), so no process holds
/// more than one end of N connections: 10,000 viewers per node fit within the machine's open-file limit.
/// Both crowds stay connected throughout; each window sends 20 events/s to one side only. Ours: a transcript
/// segment through the command path, timed from the moment the append returned (committed) until each
/// viewer's receive loop has it, which covers NOTIFY, the relay's feed read, the per-connection outboxes and
/// the socket; also timed from the append's start, which bounds it from above when a busy process notices
/// the commit late. Bare: the same payload sent to the group with IHubContext by one loop that takes the
/// sends in order from a queue, timed from the moment it was asked for; so both sides are offered the same
/// load, and a side slower than the rate shows it as latency, not as a lower rate. Times are Stopwatch
/// timestamps, one monotonic clock for every process on the machine.
/// </summary>
internal sealed class FanoutScenario(BenchSettings settings) : IScenario
{
    // Long enough for a window's every message at 10,000 deliveries a second, which both hubs beat here.
    private TimeSpan DrainTimeout => TimeSpan.FromSeconds(Math.Max(15, settings.FanoutEventsPerWindow * (double)settings.FanoutViewers / 10_000));

    public ScenarioPlan Plan { get; } = new(
        settings.EventsPerSecond == BenchSettings.Quick.EventsPerSecond ? $"fanout-{settings.FanoutViewers}" : $"fanout-{settings.FanoutViewers}-at-{settings.EventsPerSecond}-per-s",
        "ms p99", settings.Warmups, settings.FanoutPairs, RatioOf.BaselineOverOurs, 0.8, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var database = await context.RequirePostgres().CreateDatabaseAsync(cancellationToken);
        await using var real = await RealServer.StartAsync("Postgres", database.ConnectionString, cancellationToken);
        await using var bare = await ServerChild.StartAsync("bare", cancellationToken);

        var sittings = real.Sittings;
        var key = RealServer.DemoSitting;
        await SittingFixture.ExpectAcceptedAsync(sittings, key, new OpenSitting(SittingFixture.Chair, DateTimeOffset.UtcNow), cancellationToken);
        var first = await SittingFixture.ExpectAcceptedAsync(sittings, key, SittingFixture.Segment(DateTimeOffset.UtcNow), cancellationToken);
        // The same payload the real hub sends, transcript HTML included.
        var template = LiveEvent.From(await SittingFixture.StoredAsync(real.Store, key, first.Version, cancellationToken), new QuestionSessions.Server.Sittings.TranscriptRenderer());
        var joinedAt = first.Version;

        var versions = (Plan.Warmups + Plan.Pairs) * settings.FanoutEventsPerWindow + 16;
        var viewers = settings.FanoutViewers;
        var (oursCrowd, bareCrowd) = await ConnectBothAsync(
            ct => ViewerChild.StartAsync("real-hub viewers", real.Hub, viewers, key, joinedAt, versions, ct),
            ct => ViewerChild.StartAsync("bare-hub viewers", bare.Hub, viewers, key, 0, versions, ct),
            cancellationToken);
        await using var oursViewers = oursCrowd;
        await using var bareViewers = bareCrowd;
        Console.WriteLine($"  {Plan.Name,-24} connected and joined {viewers} viewers to each hub, each crowd in its own process "
            + $"({oursCrowd.ConnectTime.TotalSeconds:0.0} s real, {bareCrowd.ConnectTime.TotalSeconds:0.0} s bare)");

        var appendMillis = new System.Collections.Concurrent.ConcurrentQueue<double>();
        async Task<Sent> SendOursAsync(CancellationToken ct)
        {
            var before = Stopwatch.GetTimestamp();
            var appended = await SittingFixture.ExpectAcceptedAsync(sittings, key, SittingFixture.Segment(DateTimeOffset.UtcNow), ct);
            var committed = Stopwatch.GetTimestamp();
            appendMillis.Enqueue(Stopwatch.GetElapsedTime(before, committed).TotalMilliseconds);
            return new Sent(appended.Version, committed, before);
        }

        var bareNext = 0L;
        async Task<Sent> SendBareAsync(CancellationToken ct)
        {
            var version = ++bareNext;
            var sent = await bare.BroadcastAsync(template with { Version = version, RecordedAt = DateTimeOffset.UtcNow }, ct);
            return new Sent(version, sent, sent);
        }

        using var self = Process.GetCurrentProcess();
        TimeSpan OursCpu()
        {
            self.Refresh();
            return self.TotalProcessorTime + oursCrowd.ProcessorTime();
        }

        TimeSpan BareCpu() => bare.ProcessorTime() + bareCrowd.ProcessorTime();

        // Ours is started on every tick without waiting for the previous append: the sitting's grain takes
        // them one at a time in order, so a path slower than the rate shows as a backlog (latency from the
        // append's start) instead of quietly lowering the rate. The bare hub's child queues each send and
        // answers at once; its loop sends them in order, and the window's rate counts until its queue is empty.
        var result = await AlternatingRunner.RunAsync(Plan,
            (_, ct) => MeasureWindowAsync(SendOursAsync, pipelined: true, null, oursCrowd, OursCpu, ct),
            (_, ct) => MeasureWindowAsync(SendBareAsync, pipelined: false, bare.FlushAsync, bareCrowd, BareCpu, ct),
            cancellationToken);

        var oursState = await oursCrowd.StateAsync(cancellationToken);
        var bareState = await bareCrowd.StateAsync(cancellationToken);
        result.Details["viewersPerHub"] = viewers;
        result.Details["processes"] = "real node + its viewers' process; bare hub's process + its viewers' process";
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
        result.Details["oursDeliveriesPerSecond"] = result.MedianOurs("deliveriesPerSecond");
        result.Details["baselineDeliveriesPerSecond"] = result.MedianBaseline("deliveriesPerSecond");
        result.Details["oursCpuMsPerEvent"] = result.MedianOurs("cpuMsPerEvent");
        result.Details["baselineCpuMsPerEvent"] = result.MedianBaseline("cpuMsPerEvent");
        result.Details["oursDeliveryPercent"] = result.Windows.Min(w => w.Ours["deliveryPercent"]);
        result.Details["baselineDeliveryPercent"] = result.Windows.Min(w => w.Baseline["deliveryPercent"]);
        result.Details["oursDisconnects"] = oursState.Disconnected;
        result.Details["baselineDisconnects"] = bareState.Disconnected;
        result.Details["disconnectReasons"] = oursState.DisconnectReasons.Concat(bareState.DisconnectReasons).Distinct().ToArray();
        result.Details["oursOutOfOrder"] = oursState.OutOfOrder;
        result.Details["baselineOutOfOrder"] = bareState.OutOfOrder;
        result.Details["strayEvents"] = oursState.Stray + bareState.Stray;
        result.Details["lateEvents"] = oursState.Late + bareState.Late;
        result.Details["oursEarlyReceipts"] = result.Windows.Sum(w => w.Ours["early"]);
        result.Details["oursAppendMsP50"] = Stats.Median(appendMillis);
        result.Details["connectSecondsOurs"] = oursCrowd.ConnectTime.TotalSeconds;
        result.Details["connectSecondsBaseline"] = bareCrowd.ConnectTime.TotalSeconds;
        result.Notes.Add(
            $"offered {settings.EventsPerSecond} events/s; achieved (median) ours {AlternatingRunner.Format(result.MedianOurs("eventsPerSecond"))} commits/s, "
            + $"bare {AlternatingRunner.Format(result.MedianBaseline("eventsPerSecond"))} sends/s; "
            + $"p50 ours {AlternatingRunner.Format(result.MedianOurs("p50Ms"))} ms vs bare {AlternatingRunner.Format(result.MedianBaseline("p50Ms"))} ms; "
            + $"ours from the append's start (an upper bound when the process is busy): p50 {AlternatingRunner.Format(result.MedianOurs("p50FromStartMs"))} ms, p99 {AlternatingRunner.Format(result.MedianOurs("p99FromStartMs"))} ms; "
            + $"delivery ours {result.Details["oursDeliveryPercent"]}% / bare {result.Details["baselineDeliveryPercent"]}% (worst window), "
            + $"messages received per second ours {AlternatingRunner.Format(result.MedianOurs("deliveriesPerSecond"))} / bare {AlternatingRunner.Format(result.MedianBaseline("deliveriesPerSecond"))}; "
            + $"CPU per event (server process + its {viewers} viewers' process) ours {AlternatingRunner.Format(result.MedianOurs("cpuMsPerEvent"))} ms / bare {AlternatingRunner.Format(result.MedianBaseline("cpuMsPerEvent"))} ms; "
            + $"disconnects ours {oursState.Disconnected} / bare {bareState.Disconnected}; out-of-order ours {oursState.OutOfOrder} / bare {bareState.OutOfOrder}.");
        return result;
    }

    // Both crowds connect at once (they are separate processes on separate servers); if one fails the other is stopped.
    private static async Task<(ViewerChild Ours, ViewerChild Bare)> ConnectBothAsync(
        Func<CancellationToken, Task<ViewerChild>> ours, Func<CancellationToken, Task<ViewerChild>> bare, CancellationToken cancellationToken)
    {
        var oursTask = ours(cancellationToken);
        var bareTask = bare(cancellationToken);
        try
        {
            await Task.WhenAll(oursTask, bareTask);
            return (oursTask.Result, bareTask.Result);
        }
        catch
        {
            foreach (var task in new[] { oursTask, bareTask })
            {
                if (task.IsCompletedSuccessfully)
                {
                    await task.Result.DisposeAsync();
                }
            }

            throw;
        }
    }

    private async Task<WindowFigure> MeasureWindowAsync(
        Func<CancellationToken, Task<Sent>> sendOne, bool pipelined, Func<CancellationToken, Task>? flush, ViewerChild crowd, Func<TimeSpan> cpu,
        CancellationToken cancellationToken)
    {
        var events = settings.FanoutEventsPerWindow;
        var before = await crowd.StateAsync(cancellationToken);
        var cpuBefore = cpu();
        var period = TimeSpan.FromSeconds(1.0 / settings.EventsPerSecond);
        var started = Stopwatch.GetTimestamp();
        var sends = new List<Task<Sent>>(events);
        for (var i = 0; i < events; i++)
        {
            // A fixed schedule: a late send goes at once, so the offered rate holds on average.
            var wait = period * (i + 1) - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var send = sendOne(cancellationToken);
            sends.Add(send);
            if (!pipelined)
            {
                await send;
            }
        }

        var sent = (await Task.WhenAll(sends)).OrderBy(s => s.Version).ToArray();
        if (flush is not null)
        {
            await flush(cancellationToken);
        }

        var rate = events / Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (sent[^1].Version - sent[0].Version != events - 1)
        {
            throw new InvalidOperationException($"The window's {events} sends made versions {sent[0].Version}..{sent[^1].Version}: another writer on the sitting?");
        }

        await crowd.WaitForVersionAsync(sent[^1].Version, DrainTimeout, cancellationToken);
        var cpuUsed = cpu() - cpuBefore;
        var latencies = await crowd.MeasureAsync(sent[0].Version, [.. sent.Select(s => s.At)], [.. sent.Select(s => s.StartedAt)], cancellationToken);
        var after = await crowd.StateAsync(cancellationToken);
        return new WindowFigure(latencies.P99, new Dictionary<string, double>
        {
            ["p50Ms"] = latencies.P50,
            ["p999Ms"] = latencies.P999,
            ["maxMs"] = latencies.Max,
            ["p50FromStartMs"] = latencies.P50FromStart,
            ["p99FromStartMs"] = latencies.P99FromStart,
            ["deliveryPercent"] = 100.0 * latencies.Count / ((double)events * before.Connected),
            ["early"] = latencies.Early,
            ["disconnects"] = after.Disconnected - before.Disconnected,
            ["eventsPerSecond"] = rate,
            // Messages the crowd received per second, from the window's start to the last receipt: what the
            // hub kept up with, whether or not it kept up with the offered rate.
            ["deliveriesPerSecond"] = latencies.Count / Stopwatch.GetElapsedTime(started, latencies.LastReceived).TotalSeconds,
            // The server's process and its viewers' process: the same client work on both sides, so the
            // difference is the server's.
            ["cpuMsPerEvent"] = cpuUsed.TotalMilliseconds / events,
        });
    }

    /// <summary>One send: the version, when it was sent (or committed), and when the sender started.</summary>
    private readonly record struct Sent(long Version, long At, long StartedAt);
}
