using System.Globalization;
using System.Text;
using System.Text.Json;
using QuestionSessions.Benchmarks.Fanout;

namespace QuestionSessions.Benchmarks.Children;

/// <summary>The parent side of <see cref="ViewerChildMode"/>: a crowd of viewers in a process of its own.</summary>
internal sealed class ViewerChild : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ViewerChild(ChildProcess process, TimeSpan connected)
    {
        _process = process;
        ConnectTime = connected;
    }

    /// <summary>How long connecting and joining every viewer took.</summary>
    public TimeSpan ConnectTime { get; }

    /// <summary>Starts the process; returns once <paramref name="count"/> viewers are connected and joined after <paramref name="afterVersion"/>.</summary>
    public static async Task<ViewerChild> StartAsync(
        string name, Uri hub, int count, Guid sitting, long afterVersion, int versions, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            ViewerChildMode.Argument, hub.ToString(), count.ToString(CultureInfo.InvariantCulture), sitting.ToString(),
            afterVersion.ToString(CultureInfo.InvariantCulture), versions.ToString(CultureInfo.InvariantCulture),
        ];
        // About 100 joins a second on two cores; allow for a slow machine.
        var (process, ready) = await ChildProcess.StartAsync(name, arguments, TimeSpan.FromSeconds(60 + count / 20), cancellationToken);
        return new ViewerChild(process, TimeSpan.FromSeconds(double.Parse(ready, CultureInfo.InvariantCulture)));
    }

    public TimeSpan ProcessorTime() => _process.ProcessorTime();

    /// <summary>Waits until every connected viewer has <paramref name="version"/>; false on timeout.</summary>
    public async Task<bool> WaitForVersionAsync(long version, TimeSpan timeout, CancellationToken cancellationToken) =>
        await _process.AskAsync(
            string.Create(CultureInfo.InvariantCulture, $"wait {version} {(int)timeout.TotalMilliseconds}"), "reached", cancellationToken, timeout + TimeSpan.FromSeconds(30))
        == "true";

    public async Task<CrowdState> StateAsync(CancellationToken cancellationToken) =>
        JsonSerializer.Deserialize<CrowdState>(await _process.AskAsync("state", "state", cancellationToken), ChildProcess.Json)
        ?? throw new InvalidOperationException("The viewer process answered no state.");

    /// <summary>The latencies of versions <paramref name="first"/>.. given when each was sent and when its sender started.</summary>
    public async Task<WindowLatencies> MeasureAsync(long first, IReadOnlyList<long> sent, IReadOnlyList<long> started, CancellationToken cancellationToken)
    {
        var command = new StringBuilder("window ").Append(first.ToString(CultureInfo.InvariantCulture));
        for (var i = 0; i < sent.Count; i++)
        {
            command.Append(CultureInfo.InvariantCulture, $" {sent[i]},{started[i]}");
        }

        return JsonSerializer.Deserialize<WindowLatencies>(await _process.AskAsync(command.ToString(), "window", cancellationToken), ChildProcess.Json)
            ?? throw new InvalidOperationException("The viewer process answered no window.");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
