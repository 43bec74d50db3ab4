namespace QuestionSessions.Benchmarks.Viewers;

/// <summary>
/// Many viewers of one hub, connected and joined a few at a time, pinged every few seconds (SignalR drops
/// a client it has not heard from in 30 s).
/// </summary>
internal sealed class ViewerCrowd : IAsyncDisposable
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly Viewer[] _viewers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pings;

    private ViewerCrowd(Viewer[] viewers)
    {
        _viewers = viewers;
        _pings = Task.Run(PingLoopAsync);
    }

    public IReadOnlyList<Viewer> Viewers => _viewers;

    public int Count => _viewers.Length;

    public int Disconnected => _viewers.Count(v => v.Disconnected is not null);

    public int OutOfOrder => _viewers.Sum(v => v.OutOfOrder);

    public IEnumerable<string> DisconnectReasons => _viewers.Select(v => v.Disconnected).OfType<string>().Distinct();

    /// <summary>Connects <paramref name="count"/> viewers, each then runs <paramref name="join"/>; fails if any fails.</summary>
    public static async Task<ViewerCrowd> ConnectAsync(
        Uri hub, int count, IViewerSink? sink, Func<Viewer, CancellationToken, Task> join, CancellationToken cancellationToken)
    {
        var viewers = new Viewer?[count];
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
                async (i, ct) =>
                {
                    viewers[i] = await Viewer.ConnectAsync(hub, sink, ct);
                    await join(viewers[i]!, ct);
                });
        }
        catch
        {
            await DisposeAllAsync(viewers);
            throw;
        }

        return new ViewerCrowd([.. viewers.OfType<Viewer>()]);
    }

    /// <summary>Waits until every connected viewer has <paramref name="version"/>; false on timeout.</summary>
    public async Task<bool> WaitForVersionAsync(long version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (_viewers.Any(v => v.LastVersion < version && v.Disconnected is null))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20, cancellationToken);
        }

        return true;
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                foreach (var viewer in _viewers)
                {
                    viewer.SendPing();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _pings;
        await DisposeAllAsync(_viewers);
        _stopping.Dispose();
    }

    private static Task DisposeAllAsync(IEnumerable<Viewer?> viewers) =>
        Parallel.ForEachAsync(viewers.OfType<Viewer>(), new ParallelOptions { MaxDegreeOfParallelism = 64 }, (v, _) => v.DisposeAsync());
}
