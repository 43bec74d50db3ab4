using System.Text;
using Microsoft.Data.Sqlite;
using QuestionSessions.Benchmarks.Runner;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// append-sqlite: the same command path and writers on the embedded SQLite store, against raw
/// Microsoft.Data.Sqlite autocommit INSERTs of the same row into a table shaped like events in the same file, with the
/// store's durability settings (WAL, synchronous = FULL: every commit fsyncs the WAL).
/// </summary>
internal sealed class SqliteAppendScenario(BenchSettings settings) : IScenario
{
    public ScenarioPlan Plan { get; } = new(
        "append-sqlite", "commands/s", settings.Warmups, settings.AppendPairs, RatioOf.OursOverBaseline, 0.8, TargetIsMinimum: true, MaxWarmups: settings.AppendMaxWarmups);

    public bool NeedsPostgres => false;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("qs-bench-sqlite.");
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory.FullName, "bench.db") }.ConnectionString;
            var writers = settings.AppendWriters;
            await using var ours = await CommandPath.CreateAsync("Sqlite", connectionString, writers, cancellationToken);
            var sample = await ours.SampleAsync(cancellationToken);
            await using var raw = await RawSqliteInserts.CreateAsync(connectionString, writers, sample, cancellationToken);

            var result = await AlternatingRunner.RunAsync(Plan,
                (_, ct) => WriterLoop.MeasureAsync(writers, settings.AppendWindow, ours.PublishAsync, ct),
                (_, ct) => WriterLoop.MeasureAsync(writers, settings.AppendWindow, raw.InsertAsync, ct),
                cancellationToken);

            if (settings.Diagnose)
            {
                var state = await SittingFixture.StateAsync(ours.Sittings, ours.CurrentKey(0), cancellationToken);
                await using var steps = await SqliteSteps.CreateAsync(connectionString, ours, state, sample, writers, cancellationToken);
                result.Details["breakdown"] = await Breakdown.RunAsync(Plan.Name, steps.Steps(raw), writers, settings.AppendWindow, rounds: 2, cancellationToken);
            }

            result.Details["writers"] = writers;
            result.Details["windowSeconds"] = settings.AppendWindow.TotalSeconds;
            result.Details["eventDataBytes"] = Encoding.UTF8.GetByteCount(sample.Data);
            result.Details["segmentsPerSitting"] = CommandPath.SegmentsPerSitting;
            result.Details["sittingsOpened"] = ours.SittingsOpened;
            result.Details["eventsAppendedByOurs"] = await ours.TotalEventsAsync(cancellationToken);
            result.Details["durability"] = "journal_mode=WAL, synchronous=FULL (both sides)";
            result.Details["file"] = directory.FullName;
            result.Notes.Add("ours: ISittingGrain.Execute through the store (events hashed before the write gate from the cached head; under the gate, one long-lived writer connection, BEGIN IMMEDIATE, "
                + "the chained insert prepared once per connection, sitting_directory upsert only when a listed fact changed, commit); "
                + "baseline: autocommit INSERT of the same row into a table shaped like events, a stream per writer, writers taking turns through one gate; "
                + "both WAL with synchronous=FULL (an fsync per commit).");
            return result;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
