using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QuestionSessions.Benchmarks.Children;

/// <summary>
/// This benchmark started again in a child mode (a server or a crowd of viewers alone in a process), spoken
/// to a line at a time: a command on its stdin, a reply <c>@qs &lt;verb&gt; &lt;rest&gt;</c> on its stdout. Other
/// stdout lines are the child's own logging and are passed on to stderr; its stderr is the terminal's.
/// One command at a time.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    public const string Prefix = "@qs ";

    /// <summary>For JSON replies: a percentile of no samples is NaN.</summary>
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _name;

    private ChildProcess(Process process, string name)
    {
        _process = process;
        _name = name;
    }

    /// <summary>Starts the child and waits for its <c>ready</c> line; returns the child and what followed <c>ready</c>.</summary>
    public static async Task<(ChildProcess Child, string Ready)> StartAsync(
        string name, IEnumerable<string> arguments, TimeSpan readyTimeout, CancellationToken cancellationToken)
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
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"The {name} process did not start.");
        var child = new ChildProcess(process, name);
        try
        {
            var ready = await child.ReadReplyAsync("ready", readyTimeout, cancellationToken);
            return (child, ready);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="command"/> and returns what follows <paramref name="verb"/> in the reply.</summary>
    public async Task<string> AskAsync(string command, string verb, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
        await _process.StandardInput.FlushAsync(cancellationToken);
        return await ReadReplyAsync(verb, timeout ?? ReplyTimeout, cancellationToken);
    }

    /// <summary>CPU time the child has used so far.</summary>
    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The child side: writes one reply line.</summary>
    public static void Reply(string verb, string rest) => Console.Out.WriteLine(Prefix + verb + " " + rest);

    private async Task<string> ReadReplyAsync(string verb, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var expected = Prefix + verb + " ";
        while (await _process.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(expected, StringComparison.Ordinal))
            {
                return line[expected.Length..];
            }

            await Console.Error.WriteLineAsync($"    [{_name}] {line}");
        }

        await _process.WaitForExitAsync(CancellationToken.None);
        throw new InvalidOperationException($"The {_name} process exited (code {_process.ExitCode}) before answering '{verb}'.");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
