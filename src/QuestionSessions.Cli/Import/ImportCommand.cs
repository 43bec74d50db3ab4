using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Imports;
using Spectre.Console;

namespace QuestionSessions.Cli.Import;

/// <summary>
/// <c>qs import KIND FILE.csv</c>: the file is checked row by row (each bad row reported with its line number and
/// reason), then written with a progress bar. A file with a bad row imports nothing unless <c>--skip-bad</c> is
/// given; importing the same file again writes nothing twice.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(
        StoreArguments arguments, string path, bool skipBad, IFileImport kind, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"qs: no file '{path}'.");
            return CliApp.Usage;
        }

        if (await arguments.OpenAsync(error) is not { } store)
        {
            return CliApp.Usage;
        }

        await using (store)
        {
            try
            {
                var stopwatch = Stopwatch.StartNew();
                await new SchemaService(store).StartAsync(cancellationToken);
                ImportPlan plan;
                await using (var file = File.OpenRead(path))
                {
                    plan = await kind.ReadAsync(store, file, cancellationToken);
                }

                var problems = plan.Problems;
                foreach (var problem in problems.Take(200))
                {
                    await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}:{problem.Line}: {problem.Reason}"));
                }

                if (problems.Count > 200)
                {
                    await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"qs: … and {problems.Count - 200} more bad rows."));
                }

                if (problems.Count > 0 && !skipBad)
                {
                    await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"qs: {problems.Count} bad rows; nothing imported. Fix them, or give --skip-bad to import the {plan.Rows} good rows."));
                    return CliApp.Failed;
                }

                var result = await WriteAsync(plan, $"importing {kind.Noun}", error, cancellationToken);
                var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"qs: {kind.Verb} {result.Written} {kind.Noun} ({result.AlreadyThere} already there, {problems.Count} bad rows skipped) in {seconds:0.0} s ({plan.Rows / seconds:0} rows/s)."));
                return CliApp.Ok;
            }
            catch (DbException e)
            {
                await error.WriteLineAsync($"qs: cannot write to the {store.Provider} store: {e.Message}");
                return CliApp.Failed;
            }
        }
    }

    private static async Task<ImportResult> WriteAsync(ImportPlan plan, string label, TextWriter error, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Yes : InteractionSupport.No,
        });
        ImportResult result = new(0, 0);
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label, maxValue: Math.Max(plan.Rows, 1));
                result = await plan.WriteAsync(new Progress(task), cancellationToken);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Moves the bar as rows are written (from several writers: the bar takes the highest count).</summary>
    private sealed class Progress(ProgressTask task) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate)
            {
                task.Value = Math.Max(task.Value, value);
            }
        }
    }
}
