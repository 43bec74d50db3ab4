using System.Diagnostics;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Benchmarks.Viewers;

namespace QuestionSessions.Benchmarks.Fanout;

/// <summary>
/// One side's send-time table, keyed by version, and the latencies of the window being measured. The
/// sender notes which window a version belongs to before sending and the send (or commit) time after;
/// each viewer's receive loop looks both up. A receipt that finds no time yet arrived before the sender
/// finished (possible when the commit is the time mark): it counts as zero and as "early". The time the
/// sender started (before the append, or the same as the send) is kept too: the receipt's latency from
/// it bounds the other from above when the process is too busy to notice the commit at once.
/// </summary>
internal sealed class LatencyLog(long firstVersion, int capacity) : IViewerSink
{
    private readonly long[] _sentAt = new long[capacity];
    private readonly long[] _startedAt = new long[capacity];
    private readonly LatencyWindow?[] _windowOf = new LatencyWindow?[capacity];
    private int _stray;

    /// <summary>Receipts of versions no window expected (should stay 0).</summary>
    public int Stray => Volatile.Read(ref _stray);

    /// <summary>Before sending: the window the version belongs to and when the sender started.</summary>
    public void Expect(long version, LatencyWindow window, long startedTimestamp)
    {
        _windowOf[Slot(version)] = window;
        Volatile.Write(ref _startedAt[Slot(version)], startedTimestamp);
    }

    public void Sent(long version, long timestamp) => Volatile.Write(ref _sentAt[Slot(version)], timestamp);

    public void OnEvent(long version, long receivedTimestamp)
    {
        var slot = version - firstVersion;
        if (slot < 0 || slot >= capacity || Volatile.Read(ref _windowOf[slot]) is not { } window)
        {
            Interlocked.Increment(ref _stray);
            return;
        }

        var sent = Volatile.Read(ref _sentAt[slot]);
        window.Add(sent == 0 ? -1 : receivedTimestamp - sent, receivedTimestamp - Volatile.Read(ref _startedAt[slot]));
    }

    private long Slot(long version) =>
        version - firstVersion is var slot && slot >= 0 && slot < capacity
            ? slot
            : throw new InvalidOperationException($"Version {version} is outside the log ({firstVersion}..{firstVersion + capacity - 1}).");
}

/// <summary>The latencies of one window, in microseconds, from the send (or commit) and from the sender's start.</summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly int[] _micros = new int[capacity];
    private readonly int[] _fromStart = new int[capacity];
    private int _count;
    private int _early;
    private int _overflow;

    public int Count => Math.Min(Volatile.Read(ref _count), _micros.Length);

    public int Early => Volatile.Read(ref _early);

    public void Add(long ticks, long ticksFromStart)
    {
        if (ticks < 0)
        {
            Interlocked.Increment(ref _early);
            ticks = 0;
        }

        var index = Interlocked.Increment(ref _count) - 1;
        if (index < _micros.Length)
        {
            _micros[index] = Micros(ticks);
            _fromStart[index] = Micros(ticksFromStart);
        }
        else
        {
            Interlocked.Increment(ref _overflow);
        }
    }

    /// <summary>p50, p99, p99.9 and max in milliseconds.</summary>
    public (double P50, double P99, double P999, double Max) Percentiles() => Percentiles(_micros);

    public (double P50, double P99, double P999, double Max) PercentilesFromStart() => Percentiles(_fromStart);

    private (double P50, double P99, double P999, double Max) Percentiles(int[] micros)
    {
        var sorted = micros.AsSpan(0, Count).ToArray().Select(m => m / 1000.0).Order().ToArray();
        return (Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 99), Stats.Percentile(sorted, 99.9), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    private static int Micros(long ticks) => (int)Math.Clamp(ticks * 1_000_000 / Stopwatch.Frequency, 0, int.MaxValue);
}
