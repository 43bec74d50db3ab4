using System.Diagnostics;
using QuestionSessions.Benchmarks.Machine;
using QuestionSessions.Benchmarks.Runner;

namespace QuestionSessions.Benchmarks.Append;

internal static class WriterLoop
{
    public const string ClientCpu = "clientCpuMicrosecondsPerCommand";
    public const string DatabaseCpu = "databaseCpuMicrosecondsPerCommand";

    /// <summary>
    /// Runs <paramref name="writers"/> concurrent loops of <paramref name="operation"/> for
    /// <paramref name="duration"/> and returns completed commands per second. An operation returns how many
    /// commands it ran; one started before the end is finished and counted, and the elapsed time includes it.
    /// </summary>
    public static async Task<WindowFigure> MeasureAsync(int writers, TimeSpan duration, Func<int, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
    {
        var before = CpuMeter.Read();
        var (rate, commands) = await RunCountingAsync(writers, duration, operation, cancellationToken);
        var cpu = CpuMeter.Read() - before;
        return new WindowFigure(rate, new Dictionary<string, double>
        {
            [ClientCpu] = cpu.Client.TotalMicroseconds / commands,
            [DatabaseCpu] = cpu.Database.TotalMicroseconds / commands,
        });
    }

    private static async Task<(double Rate, long Commands)> RunCountingAsync(int writers, TimeSpan duration, Func<int, CancellationToken, Task<int>> operation, CancellationToken cancellationToken)
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
        return (completed / Stopwatch.GetElapsedTime(start).TotalSeconds, completed);
    }
}
