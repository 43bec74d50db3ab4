using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Benchmarks.Servers;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Memory;

/// <summary>
/// The child side of the memory scenario (<c>--memory-server real|bare</c>): runs one server alone in its
/// own process, so its memory is not mixed with the viewers', and answers the parent on stdin/stdout:
/// <c>measure</c> → <c>@qs memory &lt;gc heap&gt; &lt;working set&gt; &lt;connections&gt;</c>, <c>quit</c> (or end of input) → exit.
/// </summary>
internal static class MemoryServerMode
{
    public const string Argument = "--memory-server";
    public const string Prefix = "@qs ";

    public static async Task<int> RunAsync(string kind)
    {
        var directory = Directory.CreateTempSubdirectory("qs-bench-memory.");
        try
        {
            await using var server = await StartAsync(kind, directory.FullName);
            Console.WriteLine($"{Prefix}ready {server.Hub}");
            while (await Console.In.ReadLineAsync() is { } line)
            {
                if (line == "measure")
                {
                    var sample = Measure(server.Connections());
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{Prefix}memory {sample.GcHeapBytes} {sample.WorkingSetBytes} {sample.Connections}"));
                }
                else if (line == "quit")
                {
                    break;
                }
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static MemorySample Measure(int connections)
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        using var process = Process.GetCurrentProcess();
        return new MemorySample(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, connections);
    }

    private static async Task<ChildServer> StartAsync(string kind, string directory)
    {
        switch (kind)
        {
            case "real":
                var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "memory.db") }.ConnectionString;
                var real = await RealServer.StartAsync("Sqlite", connectionString, CancellationToken.None);
                return new ChildServer(real.Hub, () => real.Services.GetRequiredService<ViewerRegistry>().Count, real.DisposeAsync);
            case "bare":
                var bare = await BareServer.StartAsync(CancellationToken.None);
                return new ChildServer(bare.Hub, () => bare.Connections, bare.DisposeAsync);
            default:
                throw new ArgumentException($"Unknown server kind '{kind}': real or bare.", nameof(kind));
        }
    }

    private sealed class ChildServer(Uri hub, Func<int> connections, Func<ValueTask> dispose) : IAsyncDisposable
    {
        public Uri Hub { get; } = hub;

        public int Connections() => connections();

        public ValueTask DisposeAsync() => dispose();
    }
}
