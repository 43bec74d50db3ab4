using System.Globalization;
using System.Text.Json;
using QuestionSessions.Benchmarks.Memory;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Children;

/// <summary>The parent side of <see cref="ServerChildMode"/>.</summary>
internal sealed class ServerChild : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServerChild(ChildProcess process, Uri hub)
    {
        _process = process;
        Hub = hub;
    }

    public Uri Hub { get; }

    public static async Task<ServerChild> StartAsync(string kind, CancellationToken cancellationToken)
    {
        var (process, ready) = await ChildProcess.StartAsync($"{kind} server", [ServerChildMode.Argument, kind], TimeSpan.FromSeconds(60), cancellationToken);
        return new ServerChild(process, new Uri(ready));
    }

    public TimeSpan ProcessorTime() => _process.ProcessorTime();

    public async Task<MemorySample> MeasureAsync(CancellationToken cancellationToken)
    {
        var values = (await _process.AskAsync("measure", "memory", cancellationToken)).Split(' ');
        return new MemorySample(
            long.Parse(values[0], CultureInfo.InvariantCulture), long.Parse(values[1], CultureInfo.InvariantCulture),
            int.Parse(values[2], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Queues <paramref name="payload"/> for the bare hub's group send (one at a time, in order); returns the
    /// Stopwatch timestamp at which the child took it, the send's time mark.
    /// </summary>
    public async Task<long> BroadcastAsync(LiveEvent payload, CancellationToken cancellationToken) =>
        long.Parse(await _process.AskAsync("broadcast " + JsonSerializer.Serialize(payload, ServerChildMode.LiveEventJson), "queued", cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>Returns once every queued broadcast has been sent.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) =>
        _process.AskAsync("flush", "flushed", cancellationToken, TimeSpan.FromMinutes(10));

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
