using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace QuestionSessions.Cli.Backup;

/// <summary>
/// <c>qs backup FILE</c>: a consistent copy of the SQLite store while the server keeps running (see
/// <see cref="SqliteBackup"/>), written beside FILE and moved into place only once checked, so FILE is a whole,
/// verified backup or is not there. A PostgreSQL store is refused: its own tools (pg_dump, pg_basebackup) back it up.
/// </summary>
internal static class BackupCommand
{
    public static async Task<int> RunAsync(StoreArguments arguments, string targetPath, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync("""
                qs: backup copies a SQLite store. Back up PostgreSQL with its own tools, pg_dump for a logical copy or
                pg_basebackup with WAL archiving for point-in-time recovery: see "Back up and restore" in README.md.
                """);
            return CliApp.Usage;
        }

        // Names a bad provider or connection string the way every qs command does; the store itself is not used.
        if (await arguments.OpenAsync(error) is not { } store)
        {
            return CliApp.Usage;
        }

        await store.DisposeAsync();
        if (arguments.MissingSqliteFile() is { } missing)
        {
            await error.WriteLineAsync($"qs: there is no SQLite store at {missing}.");
            return CliApp.Failed;
        }

        var target = Path.GetFullPath(targetPath);
        if (File.Exists(target))
        {
            await error.WriteLineAsync($"qs: {target} already exists; a backup never overwrites a file, name a new one.");
            return CliApp.Usage;
        }

        return await BackupAsync(arguments.ConnectionString, target, output, error, cancellationToken);
    }

    private static async Task<int> BackupAsync(string connectionString, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var partial = target + ".partial";
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var result = await WithProgressAsync(error, (onStep, token) =>
                SqliteBackup.CopyAsync(connectionString, partial, SqliteBackup.DefaultPagesPerStep, onStep, token), cancellationToken);
            File.Move(partial, target, overwrite: false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"OK: {result.Events} events in {result.Streams} streams (feed position {result.LastPosition}), {result.Pages} pages, {result.Bytes / 1024.0 / 1024.0:0.0} MB, to {target} in {stopwatch.Elapsed.TotalSeconds:0.0} s."));
            return CliApp.Ok;
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"qs: the backup failed and {target} was not written: {e.Message}");
            return CliApp.Failed;
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm", partial + "-journal" })
            {
                File.Delete(leftover);
            }
        }
    }

    private static async Task<BackupResult> WithProgressAsync(
        TextWriter error, Func<Func<BackupProgress, CancellationToken, ValueTask>, CancellationToken, Task<BackupResult>> copy, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Yes : InteractionSupport.No,
        });
        BackupResult result = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("copying pages", maxValue: 1);
                result = await copy((step, _) =>
                {
                    task.MaxValue = Math.Max(step.TotalPages, 1);
                    task.Value = step.CopiedPages;
                    return ValueTask.CompletedTask;
                }, cancellationToken);
                task.Value = task.MaxValue;
            });
        return result;
    }
}
