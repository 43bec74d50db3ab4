using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QuestionSessions.Cli.Backup;

/// <summary>How far a copy has come, in database pages.</summary>
internal readonly record struct BackupProgress(long CopiedPages, long TotalPages);

/// <summary>What a finished copy holds: the snapshot it was taken at, counted in the source and found again in the copy.</summary>
internal readonly record struct BackupResult(long Streams, long Events, long LastPosition, long Pages, long Bytes);

/// <summary>
/// A consistent copy of a live SQLite store with SQLite's online backup API, page by page so a bar can show it.
/// The copy is taken inside one read transaction on the source: in WAL mode that is a snapshot the server's
/// appends do not disturb (they go on, into the WAL) and the backup does not restart when they commit, so the copy
/// is the database exactly as it was at one commit, never half of an append. The copy is then checked
/// (<c>PRAGMA quick_check</c>, and its event counts against the snapshot's) before anyone is told it is good.
/// </summary>
internal static class SqliteBackup
{
    public const int DefaultPagesPerStep = 1024;

    // The counts are read in the snapshot the copy is taken from, and again from the copy: they must agree.
    private const string CountsQuery = "SELECT (SELECT count(DISTINCT stream_id) FROM events), (SELECT count(*) FROM events), (SELECT coalesce(max(position), 0) FROM events)";

    public static async Task<BackupResult> CopyAsync(
        string sourceConnectionString, string targetPath, int pagesPerStep, Func<BackupProgress, CancellationToken, ValueTask> onStep, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pagesPerStep);
        var sourceSettings = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var source = new SqliteConnection(sourceSettings.ToString());
        await source.OpenAsync(cancellationToken);
        await using var snapshot = source.BeginTransaction(deferred: true);
        var counts = await CountsAsync(source, snapshot, cancellationToken); // the first read fixes the snapshot

        var targetSettings = new SqliteConnectionStringBuilder { DataSource = targetPath, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        long pages;
        await using (var target = new SqliteConnection(targetSettings.ToString()))
        {
            await target.OpenAsync(cancellationToken);
            pages = await StepAsync(source, target, pagesPerStep, onStep, cancellationToken);
        }

        await snapshot.RollbackAsync(cancellationToken);
        await CheckCopyAsync(targetSettings, counts, cancellationToken);
        return counts with { Pages = pages, Bytes = new FileInfo(targetPath).Length };
    }

    private static async Task<long> StepAsync(
        SqliteConnection source, SqliteConnection target, int pagesPerStep, Func<BackupProgress, CancellationToken, ValueTask> onStep, CancellationToken cancellationToken)
    {
        var backup = raw.sqlite3_backup_init(target.Handle, "main", source.Handle, "main")
            ?? throw new SqliteException($"Cannot start the backup: {raw.sqlite3_errmsg(target.Handle).utf8_to_string()}", raw.sqlite3_errcode(target.Handle));
        var finished = false;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rc = raw.sqlite3_backup_step(backup, pagesPerStep);
                if (rc is not (raw.SQLITE_OK or raw.SQLITE_DONE))
                {
                    // Both ends are this process's own connections and the source holds its read transaction,
                    // so busy or locked is not expected here: any code is a failure, reported as SQLite words it.
                    throw new SqliteException($"The backup stopped: {raw.sqlite3_errstr(rc).utf8_to_string()}", rc);
                }

                long total = raw.sqlite3_backup_pagecount(backup);
                await onStep(new BackupProgress(total - raw.sqlite3_backup_remaining(backup), total), cancellationToken);
                if (rc == raw.SQLITE_DONE)
                {
                    finished = true;
                    return total;
                }
            }
        }
        finally
        {
            var rc = raw.sqlite3_backup_finish(backup);
            if (finished && rc != raw.SQLITE_OK)
            {
                throw new SqliteException($"The backup did not finish: {raw.sqlite3_errstr(rc).utf8_to_string()}", rc);
            }
        }
    }

    private static async Task CheckCopyAsync(SqliteConnectionStringBuilder target, BackupResult expected, CancellationToken cancellationToken)
    {
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder(target.ToString()) { Mode = SqliteOpenMode.ReadWrite }.ToString());
        await copy.OpenAsync(cancellationToken);
        await using (var check = copy.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check";
            var verdict = await check.ExecuteScalarAsync(cancellationToken) as string;
            if (verdict != "ok")
            {
                throw new InvalidDataException($"The copy fails SQLite's quick check: {verdict}");
            }
        }

        var found = await CountsAsync(copy, null, cancellationToken);
        if (found != expected)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"The copy holds {found.Events} events in {found.Streams} streams, the snapshot {expected.Events} in {expected.Streams}."));
        }
    }

    private static async Task<BackupResult> CountsAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = CountsQuery;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new BackupResult(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), 0, 0);
    }
}
