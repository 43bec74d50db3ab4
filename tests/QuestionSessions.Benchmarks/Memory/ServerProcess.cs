using System.Diagnostics;
using System.Globalization;

namespace QuestionSessions.Benchmarks.Memory;

/// <summary>The parent side: this benchmark started again as <c>--memory-server kind</c>, spoken to over stdin/stdout.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private ServerProcess(Process process, Uri hub)
    {
        _process = process;
        Hub = hub;
    }

    public Uri Hub { get; }

    public static async Task<ServerProcess> StartAsync(string kind, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under `dotnet QuestionSessions.Benchmarks.dll` the process is the dotnet host: name the assembly again.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        }

        start.ArgumentList.Add(MemoryServerMode.Argument);
        start.ArgumentList.Add(kind);
        var process = Process.Start(start) ?? throw new InvalidOperationException("The memory server process did not start.");
        try
        {
            var ready = await ReadReplyAsync(process, "ready", cancellationToken);
            return new ServerProcess(process, new Uri(ready[0]));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async Task<MemorySample> MeasureAsync(CancellationToken cancellationToken)
    {
        await _process.StandardInput.WriteLineAsync("measure".AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        var values = await ReadReplyAsync(_process, "memory", cancellationToken);
        return new MemorySample(
            long.Parse(values[0], CultureInfo.InvariantCulture), long.Parse(values[1], CultureInfo.InvariantCulture),
            int.Parse(values[2], CultureInfo.InvariantCulture));
    }

    // Lines without the prefix are the child's own logging: passed on to stderr.
    private static async Task<string[]> ReadReplyAsync(Process process, string verb, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReplyTimeout);
        var expected = MemoryServerMode.Prefix + verb + " ";
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(expected, StringComparison.Ordinal))
            {
                return line[expected.Length..].Split(' ');
            }

            await Console.Error.WriteLineAsync($"    [memory server] {line}");
        }

        throw new InvalidOperationException($"The memory server exited (code {(process.HasExited ? process.ExitCode : -1)}) before answering '{verb}'.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
