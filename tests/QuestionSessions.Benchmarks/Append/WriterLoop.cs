using System.Diagnostics;

namespace QuestionSessions.Benchmarks.Append;

internal static class WriterLoop
{
    /// <summary>
    /// Runs <paramref name="writers"/> concurrent loops of <paramref name="operation"/> for
    /// <paramref name="duration"/> and returns completed commands per second. An operation returns how many
    /// commands it ran; one started before the end is finished and counted, and the elapsed time includes it.
    /// </summary>
    public static async Task<double> RunAsync(int writers, TimeSpan duration, Func<int, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        var completed = 0L;
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var loops = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var writer = w;
            loops[w] = Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < end)
                {
                    var commands = await operation(writer, cancellationToken);
                    Interlocked.Add(ref completed, commands);
                }
            }, cancellationToken);
        }

        await Task.WhenAll(loops);
        return completed / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
