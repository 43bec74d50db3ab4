using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Benchmarks.Memory;
using QuestionSessions.Benchmarks.Servers;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Children;

/// <summary>
/// A server alone in its own process (<c>--server-child real|bare</c>), so its memory and descriptors are not
/// mixed with the viewers': the real node on SQLite with the demo seed, or the bare hub. Commands:
/// <c>measure</c> → <c>@qs memory &lt;gc heap&gt; &lt;working set&gt; &lt;connections&gt;</c>;
/// <c>broadcast &lt;live event JSON&gt;</c> (bare only) → <c>@qs queued &lt;Stopwatch timestamp&gt;</c> at once: the event
/// joins a queue that one loop sends to the sitting's group in order (two group sends at once could reach a
/// connection out of order), so a hub slower than the offered rate shows a backlog, as the real node's
/// grain queue does, instead of quietly lowering the rate; <c>flush</c> → <c>@qs flushed 0</c> once the queue is
/// empty; <c>quit</c> (or end of input) → exit.
/// </summary>
internal static class ServerChildMode
{
    public const string Argument = "--server-child";

    /// <summary>How the parent writes a live event for <c>broadcast</c> and this side reads it: the hub's own JSON settings.</summary>
    public static readonly JsonSerializerOptions LiveEventJson = CreateLiveEventJson();

    public static async Task<int> RunAsync(string kind)
    {
        var directory = Directory.CreateTempSubdirectory("qs-bench-server.");
        try
        {
            await using var server = await StartAsync(kind, directory.FullName);
            await using var sender = server.Bare is { } hub ? new QueuedSender(hub) : null;
            ChildProcess.Reply("ready", server.Hub.ToString());
            while (await Console.In.ReadLineAsync() is { } line)
            {
                if (line == "measure")
                {
                    var sample = Measure(server.Connections());
                    ChildProcess.Reply("memory", string.Create(CultureInfo.InvariantCulture,
                        $"{sample.GcHeapBytes} {sample.WorkingSetBytes} {sample.Connections}"));
                }
                else if (line.StartsWith("broadcast ", StringComparison.Ordinal) && sender is not null)
                {
                    var payload = JsonSerializer.Deserialize<LiveEvent>(line["broadcast ".Length..], LiveEventJson)
                        ?? throw new InvalidOperationException("broadcast needs a live event.");
                    ChildProcess.Reply("queued", sender.Enqueue(payload).ToString(CultureInfo.InvariantCulture));
                }
                else if (line == "flush" && sender is not null)
                {
                    await sender.FlushAsync();
                    ChildProcess.Reply("flushed", "0");
                }
                else if (line == "quit")
                {
                    break;
                }
                else
                {
                    throw new InvalidOperationException($"The {kind} server child does not understand '{line}'.");
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

    private static JsonSerializerOptions CreateLiveEventJson()
    {
        var options = new JsonSerializerOptions();
        QuestionSessions.Server.Hosting.Extensions.ConfigureJson(options);
        return options;
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
                return new ChildServer(real.Hub, () => real.Services.GetRequiredService<ViewerRegistry>().Count, null, real.DisposeAsync);
            case "bare":
                var bare = await BareServer.StartAsync(CancellationToken.None);
                return new ChildServer(bare.Hub, () => bare.Connections, bare, bare.DisposeAsync);
            default:
                throw new ArgumentException($"Unknown server kind '{kind}': real or bare.", nameof(kind));
        }
    }

    /// <summary>The bare hub's sends, one at a time in the order asked for.</summary>
    private sealed class QueuedSender : IAsyncDisposable
    {
        private readonly BareServer _hub;
        private readonly System.Threading.Channels.Channel<LiveEvent> _queue = System.Threading.Channels.Channel.CreateUnbounded<LiveEvent>(
            new System.Threading.Channels.UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        private readonly Task _loop;
        private long _queued;
        private long _sent;

        public QueuedSender(BareServer hub)
        {
            _hub = hub;
            _loop = Task.Run(SendLoopAsync);
        }

        /// <summary>Queues the event and returns the Stopwatch timestamp it was asked for at, the send's time mark.</summary>
        public long Enqueue(LiveEvent payload)
        {
            var asked = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _queued);
            if (!_queue.Writer.TryWrite(payload))
            {
                throw new InvalidOperationException("The send queue is closed.");
            }

            return asked;
        }

        public async Task FlushAsync()
        {
            while (Volatile.Read(ref _sent) < Volatile.Read(ref _queued))
            {
                if (_loop.IsFaulted)
                {
                    await _loop; // rethrows the send's failure
                }

                await Task.Delay(5);
            }
        }

        private async Task SendLoopAsync()
        {
            await foreach (var payload in _queue.Reader.ReadAllAsync())
            {
                await _hub.BroadcastAsync(payload.SittingId, payload, CancellationToken.None);
                Interlocked.Increment(ref _sent);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _queue.Writer.TryComplete();
            await _loop;
        }
    }

    private sealed class ChildServer(Uri hub, Func<int> connections, BareServer? bare, Func<ValueTask> dispose) : IAsyncDisposable
    {
        public Uri Hub { get; } = hub;

        public BareServer? Bare { get; } = bare;

        public int Connections() => connections();

        public ValueTask DisposeAsync() => dispose();
    }
}
