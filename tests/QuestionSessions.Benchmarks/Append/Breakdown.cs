using QuestionSessions.Benchmarks.Runner;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// <c>--diagnose</c>: where the time of an append goes. Runs steps between the baseline and the full path,
/// each adding one thing, in rounds (every step once per round, so all see the same machine), and reports
/// the median commands/s of each, with the CPU this process and the database spent per command.
/// </summary>
internal static class Breakdown
{
    public sealed record Step(string Name, Func<int, CancellationToken, Task<int>> Operation);

    public static async Task<SortedDictionary<string, double>> RunAsync(
        string scenario, IReadOnlyList<Step> steps, int writers, TimeSpan window, int rounds, CancellationToken cancellationToken)
    {
        var figures = steps.ToDictionary(s => s.Name, _ => new List<WindowFigure>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var step in steps)
            {
                figures[step.Name].Add(await WriterLoop.MeasureAsync(writers, window, step.Operation, cancellationToken));
            }
        }

        var medians = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Console.WriteLine($"  {scenario} breakdown ({writers} writers, median of {rounds} rounds of {window.TotalSeconds:0} s):");
        foreach (var step in steps)
        {
            var runs = figures[step.Name];
            medians[step.Name] = Math.Round(Stats.Median(runs.Select(f => f.Value)), 1);
            var client = Stats.Median(runs.Select(f => f[WriterLoop.ClientCpu]));
            var database = Stats.Median(runs.Select(f => f[WriterLoop.DatabaseCpu]));
            Console.WriteLine($"    {AlternatingRunner.Format(medians[step.Name]),8} commands/s  CPU µs/command: {AlternatingRunner.Format(client),6} here, {AlternatingRunner.Format(database),6} database  {step.Name}");
        }

        return medians;
    }
}
