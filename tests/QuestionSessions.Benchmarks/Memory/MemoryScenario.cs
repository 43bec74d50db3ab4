using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Benchmarks.Servers;
using QuestionSessions.Benchmarks.Viewers;

namespace QuestionSessions.Benchmarks.Memory;

/// <summary>
/// memory-per-idle-viewer: what one more connected, joined, idle viewer costs the server. Each window is a
/// fresh server process of its own (the real node on SQLite with the demo seed, or the bare hub), so the
/// viewers' client-side memory is not counted: a few viewers connect and leave first (first-use
/// allocations belong to the baseline), the GC heap is taken after full compacting collections, N viewers
/// connect and join the demo sitting, and it is taken again. The figure is the GC heap delta ÷ N.
/// </summary>
internal sealed class MemoryScenario(BenchSettings settings) : IScenario
{
    private const int WarmViewers = 8;

    public ScenarioPlan Plan { get; } = new(
        "memory-per-idle-viewer", "bytes/viewer", 0, settings.MemoryPairs, RatioOf.OursOverBaseline, 1.2, TargetIsMinimum: false);

    public bool NeedsPostgres => false;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var result = await AlternatingRunner.RunAsync(Plan,
            (_, ct) => MeasureAsync("real", ct),
            (_, ct) => MeasureAsync("bare", ct),
            cancellationToken);
        result.Details["viewers"] = settings.MemoryViewers;
        result.Details["oursWorkingSetBytesPerViewer"] = result.MedianOurs("workingSetPerViewer");
        result.Details["baselineWorkingSetBytesPerViewer"] = result.MedianBaseline("workingSetPerViewer");
        result.Details["oursGcHeapBytesIdle"] = result.MedianOurs("gcHeapBefore");
        result.Details["baselineGcHeapBytesIdle"] = result.MedianBaseline("gcHeapBefore");
        result.Details["disconnects"] = result.Windows.Sum(w => w.Ours["disconnects"] + w.Baseline["disconnects"]);
        result.Notes.Add($"GC heap after full compacting GCs, delta for {settings.MemoryViewers} joined idle viewers ÷ N, each window a fresh server process; "
            + $"working set per viewer ours {AlternatingRunner.Format(result.MedianOurs("workingSetPerViewer"))} B vs bare {AlternatingRunner.Format(result.MedianBaseline("workingSetPerViewer"))} B.");
        return result;
    }

    private async Task<WindowFigure> MeasureAsync(string kind, CancellationToken cancellationToken)
    {
        await using var server = await Children.ServerChild.StartAsync(kind, cancellationToken);
        var sitting = RealServer.DemoSitting;
        var version = 0L;
        await using (var warm = await ViewerCrowd.ConnectAsync(server.Hub, WarmViewers, null,
            async (v, ct) => version = (await v.JoinAsync(sitting, 0, ct)).Version, cancellationToken))
        {
        }

        var before = await server.MeasureAsync(cancellationToken);
        for (var i = 0; i < 50 && before.Connections > 0; i++)
        {
            await Task.Delay(100, cancellationToken); // the warm viewers' disconnects are still being handled
            before = await server.MeasureAsync(cancellationToken);
        }

        var viewers = settings.MemoryViewers;
        await using var crowd = await ViewerCrowd.ConnectAsync(server.Hub, viewers, null,
            (v, ct) => v.JoinAsync(sitting, version, ct), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var after = await server.MeasureAsync(cancellationToken);
        if (after.Connections != viewers)
        {
            throw new InvalidOperationException($"The {kind} server holds {after.Connections} connections, expected {viewers}.");
        }

        return new WindowFigure((after.GcHeapBytes - before.GcHeapBytes) / (double)viewers, new Dictionary<string, double>
        {
            ["workingSetPerViewer"] = (after.WorkingSetBytes - before.WorkingSetBytes) / (double)viewers,
            ["gcHeapBefore"] = before.GcHeapBytes,
            ["gcHeapAfter"] = after.GcHeapBytes,
            ["disconnects"] = crowd.Disconnected,
        });
    }
}
