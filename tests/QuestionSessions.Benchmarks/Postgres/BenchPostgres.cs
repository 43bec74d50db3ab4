using System.Diagnostics;
using System.Text.RegularExpressions;
using Npgsql;

namespace QuestionSessions.Benchmarks.Postgres;

/// <summary>
/// The PostgreSQL server of one run: the one named by <c>QS_BENCH_PG</c> or <c>QS_TEST_PG</c>, or else a
/// throwaway one started with <c>scripts/pg-test.sh</c> and always stopped again on dispose.
/// </summary>
internal sealed partial class BenchPostgres : IAsyncDisposable
{
    private readonly string? _repositoryToStop;

    private BenchPostgres(string connectionString, string source, string? repositoryToStop)
    {
        ServerConnectionString = connectionString;
        Source = source;
        _repositoryToStop = repositoryToStop;
    }

    public string ServerConnectionString { get; }

    /// <summary>Where the server came from, for the report.</summary>
    public string Source { get; }

    public static async Task<BenchPostgres> StartAsync(string repository, CancellationToken cancellationToken)
    {
        foreach (var variable in new[] { "QS_BENCH_PG", "QS_TEST_PG" })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given)
            {
                return new BenchPostgres(given, $"${variable}", null);
            }
        }

        var script = Path.Combine(repository, "scripts", "pg-test.sh");
        Console.WriteLine("PostgreSQL: neither QS_BENCH_PG nor QS_TEST_PG is set; starting one with scripts/pg-test.sh");
        var instance = new BenchPostgres("", "scripts/pg-test.sh", repository);
        try
        {
            var output = await RunScriptAsync(script, "start", cancellationToken);
            var match = ExportLine().Match(output);
            if (!match.Success)
            {
                throw new InvalidOperationException($"scripts/pg-test.sh start printed no export line: {output}");
            }

            return new BenchPostgres(match.Groups[1].Value, "scripts/pg-test.sh", repository);
        }
        catch
        {
            await instance.DisposeAsync(); // a half-started cluster is stopped too
            throw;
        }
    }

    /// <summary>A database of its own (<c>qs_bench_…</c>), synchronous commit on, dropped on dispose.</summary>
    public async Task<BenchDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = $"qs_bench_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        // Whatever the server's default, both sides of every comparison commit durably.
        await using (var durable = new NpgsqlCommand($"ALTER DATABASE \"{name}\" SET synchronous_commit = on", connection))
        {
            await durable.ExecuteNonQueryAsync(cancellationToken);
        }

        var database = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        return new BenchDatabase(ServerConnectionString, name, database);
    }

    /// <summary>Server settings that decide what a durable commit costs, for the notes.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync(CancellationToken cancellationToken)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay" })
        {
            await using var show = new NpgsqlCommand($"SHOW {name}", connection);
            settings[name] = (string)(await show.ExecuteScalarAsync(cancellationToken))!;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_repositoryToStop is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await RunScriptAsync(Path.Combine(_repositoryToStop, "scripts", "pg-test.sh"), "stop", timeout.Token);
                Console.WriteLine("PostgreSQL: stopped the throwaway server");
            }
            catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
            {
                await Console.Error.WriteLineAsync($"PostgreSQL: could not stop the throwaway server: {e.Message}; run scripts/pg-test.sh stop");
            }
        }
    }

    private static async Task<string> RunScriptAsync(string script, string verb, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(verb);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"scripts/pg-test.sh {verb} exited with {process.ExitCode}");
    }

    [GeneratedRegex("export QS_TEST_PG='([^']+)'")]
    private static partial Regex ExportLine();
}
