using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace QuestionSessions.Benchmarks.Failover;

/// <summary>
/// A real server node as a process of its own (<c>dotnet QuestionSessions.Server.dll</c>, beside this program),
/// so it can be killed with SIGKILL, on fixed HTTP and silo ports so a restart takes the killed node's place.
/// </summary>
internal sealed partial class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private NodeProcess(Process process, ConcurrentQueue<string> output)
    {
        _process = process;
        _output = output;
    }

    public static async Task<NodeProcess> StartAsync(string connectionString, int httpPort, int siloPort, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "QuestionSessions.Server.dll"),
            "--urls", $"http://127.0.0.1:{httpPort}",
            "--environment", "Production",
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={connectionString}",
            "--Demo:Seed=true",
            "--Demo:Password=demo",
            "--PasswordHasher:IterationCount=1000",
            $"--Orleans:SiloPort={siloPort}",
            "--Orleans:GatewayPort=0",
            "--Web:Root=/nonexistent",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            while (output.Count > 100 && output.TryDequeue(out string? _))
            {
            }

            if (ListeningOn().IsMatch(e.Data))
            {
                listening.TrySetResult();
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"A node exited while starting:\n{string.Join('\n', output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new NodeProcess(process, output);
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken);
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL, and waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: http://")]
    private static partial Regex ListeningOn();
}
