using System.Diagnostics;
using Npgsql;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Server.Commitments;

namespace QuestionSessions.Benchmarks.Tracker;

/// <summary>The 1,000,000-commitment ledger, built on first use by a tracker scenario and dropped when the run ends.</summary>
internal sealed class TrackerShared : IAsyncDisposable
{
    private Task<TrackerLedger>? _ledger;

    public Task<TrackerLedger> GetAsync(BenchContext context, CancellationToken cancellationToken) =>
        _ledger ??= TrackerLedger.BuildAsync(context.RequirePostgres(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_ledger is { IsCompletedSuccessfully: true })
        {
            await (await _ledger).DisposeAsync();
        }
    }
}

/// <summary>What the tracker's reads cost at national scale, p99 over a window of requests.</summary>
internal static class TrackerReads
{
    public const int RequestsPerWindow = 200;

    /// <summary>p99 and p50 (ms) of <paramref name="read"/> over a window, the agency or province varying by request.</summary>
    public static async Task<WindowFigure> MeasureAsync(Func<int, CancellationToken, Task> read, int seed, CancellationToken cancellationToken)
    {
        var times = new double[RequestsPerWindow];
        var random = new Random(seed);
        for (var i = 0; i < times.Length; i++)
        {
            var pick = random.Next(int.MaxValue);
            var started = Stopwatch.GetTimestamp();
            await read(pick, cancellationToken);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        return new WindowFigure(Stats.Percentile(times, 99), new Dictionary<string, double> { ["p50"] = Stats.Percentile(times, 50) });
    }
}

/// <summary>
/// tracker-1m-scorecard: one provincial department's scorecard (Directive 53's criteria, with median days
/// late) through the server's own code (Scorecards.ListAsync), against the cheapest read of the same rows: a
/// bare COUNT of that agency's commitments on the same index. Target for ours: p99 ≤ 50 ms.
/// </summary>
internal sealed class TrackerScorecardScenario(BenchSettings settings, TrackerShared shared) : IScenario
{
    public ScenarioPlan Plan { get; } = new("tracker-1m-scorecard", "ms p99", settings.Warmups, 5, RatioOf.BaselineOverOurs, 0.05, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var ledger = await shared.GetAsync(context, cancellationToken);
        await using var source = NpgsqlDataSource.Create(ledger.ConnectionString);
        static (string Body, string Agency) Agency(int pick) =>
            (TrackerLedger.Province(pick % TrackerLedger.Provinces + 1),
             TrackerLedger.ProvincialAgency(pick % TrackerLedger.Provinces + 1, pick / TrackerLedger.Provinces % TrackerLedger.Departments));

        var result = await AlternatingRunner.RunAsync(Plan,
            (i, ct) => TrackerReads.MeasureAsync(async (pick, c) =>
            {
                var (body, agency) = Agency(pick);
                var cards = await Scorecards.ListAsync(ledger.Store, body, null, agency, false, ledger.Today, c);
                if (cards.Count != 1 || cards[0].Made == 0)
                {
                    throw new InvalidOperationException($"No scorecard for {agency}.");
                }
            }, i, ct),
            (i, ct) => TrackerReads.MeasureAsync(async (pick, c) =>
            {
                var (body, agency) = Agency(pick);
                await using var count = source.CreateCommand("SELECT COUNT(*) FROM commitment_ledger WHERE agency_id = $1 AND body_id = $2");
                count.Parameters.AddWithValue(agency);
                count.Parameters.AddWithValue(body);
                await count.ExecuteScalarAsync(c);
            }, i, ct),
            cancellationToken);
        Describe(result, ledger);
        result.Details["p99MsOurs"] = result.Value;
        result.Details["p50MsOurs"] = result.MedianOurs("p50");
        result.Details["targetP99Ms"] = 50;
        result.Details["targetP99Met"] = result.Value <= 50;
        result.Notes.Add($"ours: Scorecards.ListAsync for one of the 680 provincial departments (about {TrackerLedger.ProvincialCommitments / (TrackerLedger.Provinces * TrackerLedger.Departments)} commitments each), "
            + $"{TrackerReads.RequestsPerWindow} requests a window, p99 {AlternatingRunner.Format(result.Value)} ms (target ≤ 50 ms: {(result.Value <= 50 ? "met" : "missed")}); "
            + "baseline: SELECT COUNT(*) of the same agency's rows.");
        return result;
    }

    public static void Describe(ScenarioResult result, TrackerLedger ledger)
    {
        result.Details["commitments"] = TrackerLedger.Total;
        result.Details["bodies"] = 1 + TrackerLedger.Provinces * (1 + TrackerLedger.CommunesPerProvince);
        result.Details["ledgerLoadSeconds"] = Math.Round(ledger.LoadTime.TotalSeconds, 1);
        result.Details["requestsPerWindow"] = TrackerReads.RequestsPerWindow;
    }
}

/// <summary>
/// tracker-1m-overdue: a province's overdue list (the province's People's Council and its 97 communes, first
/// page of 50 with the total) through LedgerReader, against the same page as one hand-written query without
/// the total. Target for ours: p99 ≤ 50 ms.
/// </summary>
internal sealed class TrackerOverdueScenario(BenchSettings settings, TrackerShared shared) : IScenario
{
    public ScenarioPlan Plan { get; } = new("tracker-1m-overdue", "ms p99", settings.Warmups, 5, RatioOf.BaselineOverOurs, 0.05, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var ledger = await shared.GetAsync(context, cancellationToken);
        await using var source = NpgsqlDataSource.Create(ledger.ConnectionString);
        var today = ledger.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var result = await AlternatingRunner.RunAsync(Plan,
            (i, ct) => TrackerReads.MeasureAsync(async (pick, c) =>
            {
                var province = TrackerLedger.Province(pick % TrackerLedger.Provinces + 1);
                var page = await LedgerReader.PageAsync(ledger.Store, new LedgerFilter(Region: province, Window: LedgerFilter.Overdue), ledger.Today, 0, 50, c);
                if (page.Items.Count == 0)
                {
                    throw new InvalidOperationException($"No overdue commitments in {province}.");
                }
            }, i, ct),
            (i, ct) => TrackerReads.MeasureAsync(async (pick, c) =>
            {
                var province = TrackerLedger.Province(pick % TrackerLedger.Provinces + 1);
                await using var command = source.CreateCommand("""
                    SELECT * FROM commitment_ledger
                    WHERE body_id IN (SELECT body_id FROM body_directory WHERE body_id = $1 OR parent_body_id = $1)
                      AND overdue_since IS NOT NULL AND deadline < $2 AND status IN ('InProgress', 'Submitted', 'Disputed', 'PartiallyFulfilled')
                    ORDER BY deadline, commitment_id LIMIT 50
                    """);
                command.Parameters.AddWithValue(province);
                command.Parameters.AddWithValue(today);
                await using var reader = await command.ExecuteReaderAsync(c);
                while (await reader.ReadAsync(c))
                {
                }
            }, i, ct),
            cancellationToken);
        TrackerScorecardScenario.Describe(result, ledger);
        result.Details["p99MsOurs"] = result.Value;
        result.Details["p50MsOurs"] = result.MedianOurs("p50");
        result.Details["targetP99Ms"] = 50;
        result.Details["targetP99Met"] = result.Value <= 50;
        result.Notes.Add($"ours: LedgerReader.PageAsync(region = a province and its {TrackerLedger.CommunesPerProvince} communes, overdue), first 50 and the total, "
            + $"p99 {AlternatingRunner.Format(result.Value)} ms (target ≤ 50 ms: {(result.Value <= 50 ? "met" : "missed")}); baseline: the same page by one hand-written query, no total.");
        return result;
    }
}

/// <summary>
/// tracker-1m-export: the whole ledger written to a CSV file by <c>qs export commitments</c> (run in-process,
/// progress bar and all), against PostgreSQL's <c>COPY (SELECT * … ORDER BY …) TO STDOUT (FORMAT csv, HEADER)</c>
/// of the same rows in the same order into a file. Rows per second, ours ÷ COPY.
/// </summary>
internal sealed class TrackerExportScenario(BenchSettings settings, TrackerShared shared) : IScenario
{
    public ScenarioPlan Plan { get; } = new("tracker-1m-export", "rows/s", 1, Math.Min(settings.AppendPairs, 3), RatioOf.OursOverBaseline, 0.2, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var ledger = await shared.GetAsync(context, cancellationToken);
        var folder = Directory.CreateTempSubdirectory("qs-bench-export-").FullName;
        try
        {
            var ours = Path.Combine(folder, "qs.csv");
            var copy = Path.Combine(folder, "copy.csv");
            var result = await AlternatingRunner.RunAsync(Plan,
                (_, ct) => TimedAsync(async c =>
                {
                    using var progress = new StringWriter();
                    var exit = await QuestionSessions.Cli.CliApp.RunAsync(
                        ["export", "commitments", "--out", ours, "--provider", "Postgres", "--connection", ledger.ConnectionString], TextWriter.Null, progress, c);
                    if (exit != 0)
                    {
                        throw new InvalidOperationException($"qs export exited {exit}: {progress}");
                    }
                }, ours, ct),
                (_, ct) => TimedAsync(async c =>
                {
                    await using var connection = new NpgsqlConnection(ledger.ConnectionString);
                    await connection.OpenAsync(c);
                    using var reader = await connection.BeginTextExportAsync(
                        $"COPY ({QuestionSessions.Cli.Export.ExportCommand.Query}) TO STDOUT (FORMAT csv, HEADER)", c);
                    await using var file = new StreamWriter(copy, false, new System.Text.UTF8Encoding(false), 1 << 16);
                    var buffer = new char[1 << 16];
                    int read;
                    while ((read = await reader.ReadAsync(buffer, c)) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), c);
                    }
                }, copy, ct),
                cancellationToken);
            TrackerScorecardScenario.Describe(result, ledger);
            result.Details["oursFileBytes"] = new FileInfo(ours).Length;
            result.Details["copyFileBytes"] = new FileInfo(copy).Length;
            result.Notes.Add($"ours: qs export commitments --out FILE (CsvHelper through Runtime's CsvExport, formula cells escaped, Spectre.Console progress) "
                + $"{AlternatingRunner.Format(result.Value)} rows/s; baseline: COPY … TO STDOUT (FORMAT csv, HEADER) of the same {TrackerLedger.Total:N0} rows into a file, "
                + $"{AlternatingRunner.Format(result.Baseline)} rows/s.");
            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<WindowFigure> TimedAsync(Func<CancellationToken, Task> export, string file, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await export(cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new WindowFigure(TrackerLedger.Total / seconds, new Dictionary<string, double> { ["seconds"] = seconds, ["megabytes"] = new FileInfo(file).Length / 1e6 });
    }
}
