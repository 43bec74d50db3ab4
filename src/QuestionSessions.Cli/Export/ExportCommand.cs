using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using QuestionSessions.Runtime.Storage;
using Spectre.Console;

namespace QuestionSessions.Cli.Export;

/// <summary>
/// <c>qs export commitments</c>: the whole commitments ledger as CSV (the same columns and format as the
/// server's /api/commitments/export.csv), to a file or standard output, with a progress bar on standard error.
/// </summary>
internal static class ExportCommand
{
    public const string Query = "SELECT * FROM commitment_ledger ORDER BY deadline, commitment_id";

    public static async Task<int> RunAsync(StoreArguments arguments, string? outPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await arguments.OpenAsync(error) is not { } store)
        {
            return CliApp.Usage;
        }

        await using (store)
        {
            try
            {
                var stopwatch = Stopwatch.StartNew();
                var rows = outPath is null
                    ? await ExportAsync(store, output, error, cancellationToken)
                    : await ExportToFileAsync(store, outPath, error, cancellationToken);
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"qs: exported {rows} commitments in {stopwatch.Elapsed.TotalSeconds:0.0} s ({rows / Math.Max(stopwatch.Elapsed.TotalSeconds, 0.001):0} rows/s)."));
                return CliApp.Ok;
            }
            catch (DbException e)
            {
                await error.WriteLineAsync($"qs: cannot read the {store.Provider} store's ledger: {e.Message}");
                return CliApp.Failed;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"qs: cannot write {outPath}: {e.Message}");
                return CliApp.Failed;
            }
        }
    }

    /// <summary>
    /// Writes to a file beside the target and moves it into place only when complete, so a failed export
    /// never leaves a half-written file under the name asked for.
    /// </summary>
    private static async Task<long> ExportToFileAsync(IEventStore store, string outPath, TextWriter error, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(outPath);
        var partial = full + ".partial";
        try
        {
            long rows;
            await using (var file = new StreamWriter(partial, false, new UTF8Encoding(false), 1 << 16))
            {
                rows = await ExportAsync(store, file, error, cancellationToken);
            }

            File.Move(partial, full, overwrite: true);
            return rows;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task<long> ExportAsync(IEventStore store, TextWriter writer, TextWriter error, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        long total;
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT COUNT(*) FROM commitment_ledger";
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Yes : InteractionSupport.No,
        });
        long rows = 0;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("exporting commitments", maxValue: Math.Max(total, 1));
                rows = await CsvExport.WriteAsync(reader, writer, new Progress(task), cancellationToken);
                task.Value = task.MaxValue;
            });
        await writer.FlushAsync(cancellationToken);
        return rows;
    }

    /// <summary>Moves the bar as rows are written (synchronously: the export reports from its own loop).</summary>
    private sealed class Progress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value) => task.Value = value;
    }
}
