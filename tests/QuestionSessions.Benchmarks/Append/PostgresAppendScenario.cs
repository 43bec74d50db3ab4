using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using QuestionSessions.Runtime.Storage.Postgres;
using QuestionSessions.Benchmarks.Runner;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// append-pg-16: 16 writers, each on a sitting of its own (a lost race on one stream would measure
/// contention, not the path), run the full command path on PostgreSQL, against 16 connections doing
/// autocommit single-row INSERTs of the same row into a table with the events table's schema. Synchronous
/// commit is on for both.
/// </summary>
internal sealed class PostgresAppendScenario(BenchSettings settings) : IScenario
{
    public ScenarioPlan Plan { get; } = new(
        $"append-pg-{settings.AppendWriters}", "commands/s", settings.Warmups, settings.AppendPairs, RatioOf.OursOverBaseline, 0.8, TargetIsMinimum: true, MaxWarmups: settings.AppendMaxWarmups);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var postgres = context.RequirePostgres();
        await using var database = await postgres.CreateDatabaseAsync(cancellationToken);
        var writers = settings.AppendWriters;
        await using var ours = await CommandPath.CreateAsync("Postgres", database.ConnectionString, writers, cancellationToken);
        var sample = await ours.SampleAsync(cancellationToken);
        await using var raw = await RawPostgresInserts.CreateAsync(database.ConnectionString, writers, sample, cancellationToken);

        var result = await AlternatingRunner.RunAsync(Plan,
            (_, ct) => WriterLoop.MeasureAsync(writers, settings.AppendWindow, ours.PublishAsync, ct),
            (_, ct) => WriterLoop.MeasureAsync(writers, settings.AppendWindow, raw.InsertAsync, ct),
            cancellationToken);

        if (settings.Diagnose)
        {
            var state = await SittingFixture.StateAsync(ours.Sittings, ours.CurrentKey(0), cancellationToken);
            await using var steps = new PostgresSteps(PostgresConnections.ForCommands(database.ConnectionString, NullLoggerFactory.Instance), ours, state, sample, writers);
            await steps.CreatePlainTableAsync(cancellationToken);
            result.Details["breakdown"] = await Breakdown.RunAsync(Plan.Name, steps.Steps(raw), writers, settings.AppendWindow, rounds: 2, cancellationToken);
        }

        var server = await postgres.SettingsAsync(cancellationToken);
        result.Details["writers"] = writers;
        result.Details["windowSeconds"] = settings.AppendWindow.TotalSeconds;
        result.Details["eventDataBytes"] = Encoding.UTF8.GetByteCount(sample.Data);
        result.Details["eventMetadataBytes"] = Encoding.UTF8.GetByteCount(sample.Metadata);
        result.Details["segmentsPerSitting"] = CommandPath.SegmentsPerSitting;
        result.Details["sittingsOpened"] = ours.SittingsOpened;
        result.Details["eventsAppendedByOurs"] = await ours.TotalEventsAsync(cancellationToken);
        result.Details["postgres"] = server;
        result.Notes.Add($"ours: ISittingGrain.Execute(PublishTranscriptSegment) by the secretariat, one open sitting per writer, the server's wiring "
            + "(one autocommit batch: insert event with SHA-256 chain from the cached head + sitting_directory upsert when a listed fact changed; NOTIFY after commit, coalesced by a background notifier); "
            + $"baseline: autocommit INSERT of the same row into a table LIKE events INCLUDING ALL (same constraints and indexes; --diagnose also shows a plain table); synchronous_commit={server["synchronous_commit"]}, fsync={server["fsync"]}, PostgreSQL {server["server_version"]}.");
        return result;
    }
}
