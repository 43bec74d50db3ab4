using System.Diagnostics;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Benchmarks.Viewers;

namespace QuestionSessions.Benchmarks.Fanout;

/// <summary>
/// In a viewer process: when each viewer received each version (Stopwatch timestamps, which count from the
/// same monotonic clock in every process on the machine). The sender's times arrive afterwards, per window,
/// and <see cref="Measure"/> turns the window's receipts into latencies and frees them. A receipt earlier
/// than its send time (possible when the commit is the time mark: the live event can overtake the append's
/// return) counts as zero and as "early".
/// </summary>
internal sealed class ReceiptTable(long firstVersion, int capacity, int viewers) : IViewerSink
{
    private readonly Receipts?[] _slots = new Receipts?[capacity];
    private readonly int[] _measured = new int[capacity];
    private int _stray;
    private int _late;

    /// <summary>Receipts of versions outside the table (should stay 0).</summary>
    public int Stray => Volatile.Read(ref _stray);

    /// <summary>Receipts that came after their window had been measured (should stay 0: each window waits for every viewer first).</summary>
    public int Late => Volatile.Read(ref _late);

    public void OnEvent(long version, long receivedTimestamp)
    {
        var slot = version - firstVersion;
        if (slot < 0 || slot >= capacity)
        {
            Interlocked.Increment(ref _stray);
            return;
        }

        if (Volatile.Read(ref _measured[slot]) != 0)
        {
            Interlocked.Increment(ref _late);
            return;
        }

        var receipts = Volatile.Read(ref _slots[slot]);
        if (receipts is null)
        {
            var fresh = new Receipts(viewers);
            receipts = Interlocked.CompareExchange(ref _slots[slot], fresh, null) ?? fresh;
        }

        receipts.Add(receivedTimestamp);
    }

    /// <summary>
    /// The latencies of versions <paramref name="first"/>.. in milliseconds, from <paramref name="sent"/> (the
    /// send or commit) and from <paramref name="started"/> (the sender's start), one pair per version.
    /// </summary>
    public WindowLatencies Measure(long first, IReadOnlyList<long> sent, IReadOnlyList<long> started)
    {
        var fromSent = new List<double>();
        var fromStart = new List<double>();
        var early = 0;
        var last = 0L;
        for (var i = 0; i < sent.Count; i++)
        {
            var slot = first + i - firstVersion;
            if (slot < 0 || slot >= capacity)
            {
                throw new ArgumentOutOfRangeException(nameof(first), $"Version {first + i} is outside the table ({firstVersion}..{firstVersion + capacity - 1}).");
            }

            Volatile.Write(ref _measured[slot], 1);
            if (Interlocked.Exchange(ref _slots[slot], null) is not { } receipts)
            {
                continue;
            }

            foreach (var received in receipts.Times())
            {
                last = Math.Max(last, received);
                var ticks = received - sent[i];
                if (ticks < 0)
                {
                    early++;
                    ticks = 0;
                }

                fromSent.Add(Millis(ticks));
                fromStart.Add(Millis(received - started[i]));
            }
        }

        var sortedSent = fromSent.Order().ToArray();
        var sortedStart = fromStart.Order().ToArray();
        return new WindowLatencies(
            sortedSent.Length, early,
            Stats.Percentile(sortedSent, 50), Stats.Percentile(sortedSent, 99), Stats.Percentile(sortedSent, 99.9),
            sortedSent.Length == 0 ? double.NaN : sortedSent[^1],
            Stats.Percentile(sortedStart, 50), Stats.Percentile(sortedStart, 99), last);
    }

    private static double Millis(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>One version's receive times; at most one per viewer unless a viewer got a repeat (counted as out of order).</summary>
    private sealed class Receipts(int viewers)
    {
        private readonly long[] _times = new long[viewers];
        private int _count;

        public void Add(long timestamp)
        {
            var index = Interlocked.Increment(ref _count) - 1;
            if (index < _times.Length)
            {
                Volatile.Write(ref _times[index], timestamp);
            }
        }

        public ReadOnlySpan<long> Times() => _times.AsSpan(0, Math.Min(Volatile.Read(ref _count), _times.Length));
    }
}

/// <summary>One window's latencies in milliseconds, from the send (or commit) and from the sender's start, and the last receipt's timestamp.</summary>
internal sealed record WindowLatencies(
    int Count, int Early, double P50, double P99, double P999, double Max, double P50FromStart, double P99FromStart, long LastReceived);
