using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>
/// The real server as a child process (<c>dotnet QuestionSessions.Server.dll</c>, copied next to this
/// test assembly by the project reference), so a test can kill it the way a crash or an OOM killer
/// would. Disposing kills it if it is still running: no test leaves a server behind.
/// </summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ServerProcess(Process process, ConcurrentQueue<string> output, Uri address, int siloPort)
    {
        SiloPort = siloPort;
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The Orleans silo port: a node restarted on the same port replaces its dead self in the cluster at once.</summary>
    public int SiloPort { get; }

    /// <summary>Starts a server on a port of its choosing over <paramref name="store"/>, seeding the demo, and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(TestStore store, CancellationToken cancellationToken, int? siloPort = null, params string[] extra)
    {
        var port = siloPort ?? QuestionSessions.Server.Cluster.SiloHosting.FreePort();
        var folder = AppContext.BaseDirectory;
        var dll = Path.Combine(folder, "QuestionSessions.Server.dll");
        Assert.True(File.Exists(dll), $"The server is not next to the tests: {dll}");

        // The SDK names the dotnet running the tests; the same one runs the server.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] args =
        [
            dll,
            // Port 0: the server binds a free port and logs it, so no other process can take it in between.
            "--urls", "http://127.0.0.1:0",
            // Each node its own silo and gateway ports: several run on this machine at once.
            $"--Orleans:SiloPort={port}",
            "--Orleans:GatewayPort=0",
            $"--Storage:Provider={store.Provider}",
            $"--Storage:ConnectionString={store.ConnectionString}",
            "--Demo:Seed=true",
            $"--Demo:Password={TestNode.DemoPassword}",
            "--PasswordHasher:IterationCount=1000",
            "--Live:PollInterval=00:00:00.200",
            "--environment", "Production",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
        ];
        foreach (var arg in args.Concat(extra))
        {
            start.ArgumentList.Add(arg);
        }

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            while (output.Count > KeptLines && output.TryDequeue(out string? _))
            {
            }

            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Exited += (_, _) => listening.TrySetException(
            new InvalidOperationException($"The server exited before listening:\n{string.Join('\n', output)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var server = new ServerProcess(process, output, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken), port);
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch
        {
            await KillAsync(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>What the server printed last, for a failure message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>SIGKILL, no shutdown: whatever was in flight is cut off, as in a crash.</summary>
    public Task KillAsync() => KillAsync(_process);

    private static async Task KillAsync(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        // A slow machine (CI with the whole suite running) can take long to start a silo: keep asking until the deadline.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Accepted, but not answered within the client's timeout: still starting.
            }

            Assert.True(DateTime.UtcNow < deadline, $"The server at {Address} did not become ready:\n{Output}");
            Assert.False(_process.HasExited, $"The server exited:\n{Output}");
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync(_process);
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
