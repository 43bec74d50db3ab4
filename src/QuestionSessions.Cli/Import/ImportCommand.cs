using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Petitions;
using Spectre.Console;

namespace QuestionSessions.Cli.Import;

/// <summary>
/// <c>qs import petitions FILE.csv</c>: a session's aggregated petitions, checked row by row (each bad row
/// reported with its line number and reason), then filed with a progress bar. A file with a bad row imports
/// nothing unless <c>--skip-bad</c> is given; importing the same file again files nothing twice.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(
        StoreArguments arguments, string path, bool skipBad, int parallelism, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
                var bodies = await PetitionImport.BodiesAsync(store, cancellationToken);
                var codes = await PetitionReader.CodesAsync(store, cancellationToken);
                IReadOnlyList<Domain.Petitions.FilePetition> rows;
                IReadOnlyList<ImportProblem> problems;
                await using (var file = File.OpenRead(path))
                {
                    (rows, problems) = PetitionImport.Read(file, bodies, codes, DateTimeOffset.UtcNow, cancellationToken);
                }

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
                        $"qs: {problems.Count} bad rows; nothing imported. Fix them, or give --skip-bad to import the {rows.Count} good rows."));
                    return CliApp.Failed;
                }

                var result = await WriteAsync(store, rows, parallelism, error, cancellationToken);
                var seconds = Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"qs: filed {result.Filed} petitions ({result.AlreadyThere} already there, {problems.Count} bad rows skipped) in {seconds:0.0} s ({rows.Count / seconds:0} rows/s)."));
                return CliApp.Ok;
            }
            catch (DbException e)
            {
                await error.WriteLineAsync($"qs: cannot write to the {store.Provider} store: {e.Message}");
                return CliApp.Failed;
            }
        }
    }

    private static async Task<ImportResult> WriteAsync(
        Runtime.Storage.IEventStore store, IReadOnlyList<Domain.Petitions.FilePetition> rows, int parallelism, TextWriter error, CancellationToken cancellationToken)
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
                var task = context.AddTask("importing petitions", maxValue: Math.Max(rows.Count, 1));
                result = await PetitionImport.WriteAsync(store, rows, parallelism, new Progress(task), cancellationToken);
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Moves the bar as rows are filed (from several writers: the bar takes the highest count).</summary>
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
