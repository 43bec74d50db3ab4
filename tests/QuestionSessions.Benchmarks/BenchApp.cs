using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using QuestionSessions.Benchmarks.Append;
using QuestionSessions.Benchmarks.Fanout;
using QuestionSessions.Benchmarks.Machine;
using QuestionSessions.Benchmarks.Memory;
using QuestionSessions.Benchmarks.Postgres;
using QuestionSessions.Benchmarks.Runner;

namespace QuestionSessions.Benchmarks;

/// <summary>
/// Runs every scenario once, each beside its baseline, prints the table and writes
/// <c>artifacts/bench/results.json</c>. Exit code 0 when every scenario was measured (targets met or
/// not: these are figures, not tests), 1 when one could not be, 2 for bad arguments, 3 when the
/// open-file limit is too low.
/// </summary>
internal static class BenchApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is [Children.ServerChildMode.Argument, var kind])
        {
            return await Children.ServerChildMode.RunAsync(kind);
        }

        if (args is [Children.ViewerChildMode.Argument, .. var crowd])
        {
            return await Children.ViewerChildMode.RunAsync(crowd);
        }

        if (BenchSettings.Parse(args) is not { } settings)
        {
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var repository = FindRepository();
        var limitBefore = DescriptorLimit.Current();
        if (DescriptorLimit.Ensure(settings.DescriptorsNeeded) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 3;
        }

        var limit = DescriptorLimit.Current();
        Console.WriteLine($"QuestionSessions benchmarks, {settings.Mode}: {Environment.ProcessorCount} cores, .NET {Environment.Version}, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, open files {limitBefore?.Soft}/{limitBefore?.Hard} at start, "
            + $"{limit?.Soft}/{limit?.Hard} now (about {settings.DescriptorsNeeded} needed), load average {LoadAverage()}");

        using var cancel = new CancellationTokenSource(settings.Deadline);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // stop gracefully, so PostgreSQL and temporary files are cleaned up
            cancel.Cancel();
        };

        // The tracker scenarios share one 1,000,000-commitment database, dropped before PostgreSQL stops.
        var tracker = new Tracker.TrackerShared();
        IScenario[] scenarios =
        [
            new PostgresAppendScenario(settings),
            new SqliteAppendScenario(settings),
            new FanoutScenario(settings),
            new MemoryScenario(settings),
            new Failover.FailoverScenario(settings),
            new Tracker.TrackerScorecardScenario(settings, tracker),
            new Tracker.TrackerOverdueScenario(settings, tracker),
            new Tracker.TrackerExportScenario(settings, tracker),
            new Petitions.PetitionImportScenario(settings),
        ];
        var selected = scenarios.Where(s => settings.Selected(s.Plan.Name)).ToList();
        var results = new List<ScenarioResult>();
        var run = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["mode"] = settings.Mode,
            ["startedUtc"] = DateTimeOffset.UtcNow,
            ["processors"] = Environment.ProcessorCount,
            ["dotnet"] = Environment.Version.ToString(),
            ["os"] = RuntimeInformation.OSDescription,
            ["serverGc"] = GCSettings.IsServerGC,
            ["openFilesAtStart"] = limitBefore?.Soft,
            ["openFilesHardAtStart"] = limitBefore?.Hard,
            ["openFilesUsed"] = limit?.Soft,
            ["openFilesNeeded"] = settings.DescriptorsNeeded,
            ["loadAverageAtStart"] = LoadAverage(),
        };

        BenchPostgres? postgres = null;
        try
        {
            if (selected.Any(s => s.NeedsPostgres))
            {
                try
                {
                    postgres = await BenchPostgres.StartAsync(repository, cancel.Token);
                    run["postgres"] = postgres.Source;
                    run["postgresSettings"] = await postgres.SettingsAsync(cancel.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"PostgreSQL could not be used: {e.Message}");
                }
            }

            var context = new BenchContext(settings, repository, postgres);
            foreach (var scenario in selected)
            {
                Console.WriteLine($"{scenario.Plan.Name} ({clock.Elapsed:mm\\:ss})");
                results.Add(await RunOneAsync(scenario, context, cancel.Token));
            }
        }
        finally
        {
            await tracker.DisposeAsync();
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }

        run["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
        run["loadAverageAtEnd"] = LoadAverage();
        Report.PrintTable(results);
        var path = Path.Combine(repository, "artifacts", "bench", "results.json");
        await Report.WriteJsonAsync(path, results, run, CancellationToken.None);
        Console.WriteLine($"Wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)} after {clock.Elapsed:mm\\:ss}.");
        return results.Any(r => r.Failure is not null) ? 1 : 0;
    }

    private static async Task<ScenarioResult> RunOneAsync(IScenario scenario, BenchContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await scenario.RunAsync(context, cancellationToken);
        }
#pragma warning disable CA1031 // One scenario that cannot be measured is reported; the others still run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var reason = cancellationToken.IsCancellationRequested ? $"stopped: the run's time limit was reached or it was interrupted ({e.GetType().Name})" : e.ToString();
            await Console.Error.WriteLineAsync($"{scenario.Plan.Name} failed: {reason}");
            return new ScenarioResult(scenario.Plan) { Failure = reason };
        }
    }

    // Other work on the machine moves every figure; the load average says how much there was.
    private static string? LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;

    /// <summary>The repository root (where QuestionSessions.sln is), from the working directory or the binaries.</summary>
    private static string FindRepository()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "QuestionSessions.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from inside the repository: QuestionSessions.sln was not found above the working directory.");
    }
}
