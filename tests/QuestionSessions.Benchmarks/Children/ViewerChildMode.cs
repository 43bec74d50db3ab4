using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QuestionSessions.Benchmarks.Fanout;
using QuestionSessions.Benchmarks.Viewers;

namespace QuestionSessions.Benchmarks.Children;

/// <summary>
/// A crowd of viewers alone in its own process (<c>--viewer-child &lt;hub&gt; &lt;count&gt; &lt;sitting&gt; &lt;after version&gt; &lt;versions&gt;</c>),
/// so 10,000 viewers' client ends do not count against the server process's open-file limit. Every viewer
/// joins the sitting after the given version; receipts of the next <c>versions</c> versions are kept in a
/// <see cref="ReceiptTable"/>. Replies <c>@qs ready &lt;seconds to connect&gt;</c>, then answers:
/// <c>wait &lt;version&gt; &lt;timeout ms&gt;</c> → <c>@qs reached true|false</c>;
/// <c>state</c> → <c>@qs state {CrowdState JSON}</c>;
/// <c>window &lt;first version&gt; &lt;sent&gt;,&lt;started&gt; …</c> (Stopwatch timestamps, one pair per version) → <c>@qs window {WindowLatencies JSON}</c>;
/// <c>quit</c> (or end of input) → exit.
/// </summary>
internal static class ViewerChildMode
{
    public const string Argument = "--viewer-child";

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments)
    {
        if (arguments.Count != 5)
        {
            await Console.Error.WriteLineAsync($"Usage: {Argument} <hub> <count> <sitting id> <after version> <versions>");
            return 2;
        }

        var hub = new Uri(arguments[0]);
        var count = int.Parse(arguments[1], CultureInfo.InvariantCulture);
        var sitting = Guid.Parse(arguments[2]);
        var after = long.Parse(arguments[3], CultureInfo.InvariantCulture);
        var table = new ReceiptTable(after + 1, int.Parse(arguments[4], CultureInfo.InvariantCulture), count);

        var watch = Stopwatch.StartNew();
        await using var crowd = await ViewerCrowd.ConnectAsync(hub, count, table, async (viewer, ct) =>
        {
            var reply = await viewer.JoinAsync(sitting, after, ct);
            if (!string.Equals(reply.Outcome, "joined", StringComparison.OrdinalIgnoreCase) || reply.Version != after)
            {
                throw new InvalidOperationException($"Join answered {reply.Outcome} at {reply.Version}, expected joined at {after}.");
            }
        }, CancellationToken.None);
        ChildProcess.Reply("ready", watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));

        while (await Console.In.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts)
            {
                case ["wait", var version, var timeout]:
                    var reached = await crowd.WaitForVersionAsync(
                        long.Parse(version, CultureInfo.InvariantCulture),
                        TimeSpan.FromMilliseconds(int.Parse(timeout, CultureInfo.InvariantCulture)), CancellationToken.None);
                    ChildProcess.Reply("reached", reached ? "true" : "false");
                    break;
                case ["state"]:
                    var state = new CrowdState(crowd.Count - crowd.Disconnected, crowd.Disconnected, crowd.OutOfOrder, table.Stray, table.Late, [.. crowd.DisconnectReasons]);
                    ChildProcess.Reply("state", JsonSerializer.Serialize(state, ChildProcess.Json));
                    break;
                case ["window", var first, .. var pairs]:
                    var sent = new long[pairs.Length];
                    var started = new long[pairs.Length];
                    for (var i = 0; i < pairs.Length; i++)
                    {
                        var comma = pairs[i].IndexOf(',', StringComparison.Ordinal);
                        sent[i] = long.Parse(pairs[i].AsSpan(0, comma), CultureInfo.InvariantCulture);
                        started[i] = long.Parse(pairs[i].AsSpan(comma + 1), CultureInfo.InvariantCulture);
                    }

                    ChildProcess.Reply("window", JsonSerializer.Serialize(table.Measure(long.Parse(first, CultureInfo.InvariantCulture), sent, started), ChildProcess.Json));
                    break;
                case ["quit"]:
                    return 0;
                default:
                    throw new InvalidOperationException($"The viewer child does not understand '{line}'.");
            }
        }

        return 0;
    }
}

/// <summary>A viewer process's crowd: connected and disconnected viewers, events out of order, stray and late receipts.</summary>
internal sealed record CrowdState(int Connected, int Disconnected, int OutOfOrder, int Stray, int Late, string[] DisconnectReasons);
