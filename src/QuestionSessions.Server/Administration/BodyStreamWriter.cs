using System.Text.Json;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;

namespace QuestionSessions.Server.Administration;

/// <summary>What one body command did when run straight on the store.</summary>
internal enum BodyWriteOutcome
{
    Appended,
    /// <summary>The decider had nothing to add: the command was already carried out (a re-import).</summary>
    AlreadyThere,
    Refused,
}

/// <summary>
/// Runs body commands on the store without a silo, for <c>qs</c>: loads the stream, decides with the body decider,
/// appends with the loaded version as the expected version and the body read models (directory, role grants) in
/// the same transaction, exactly as the body grain does. A lost race (the server's grain appended meanwhile) is
/// decided again on the new state; a grain active on a running server meets the expected-version check on its
/// next append and catches up.
/// </summary>
internal static class BodyStreamWriter
{
    private static readonly EventCodec<BodyEvent> Codec = new();

    private static readonly IProjection<BodyState>[] Projections = [new BodyDirectory(), new RoleGrantLedger()];

    public static async Task<(BodyWriteOutcome Outcome, DomainError? Error)> RunAsync(
        IEventStore store, string bodyId, BodyCommand command, CancellationToken cancellationToken) =>
        (await RunManyAsync(store, bodyId, [command], cancellationToken))[0];

    /// <summary>Runs the commands on one body in order, loading its stream once; what each did.</summary>
    public static async Task<IReadOnlyList<(BodyWriteOutcome Outcome, DomainError? Error)>> RunManyAsync(
        IEventStore store, string bodyId, IReadOnlyList<BodyCommand> commands, CancellationToken cancellationToken)
    {
        var streamId = $"{BodyDecider.Category}/{bodyId}";
        var (state, version) = await LoadAsync(store, streamId, cancellationToken);
        var outcomes = new List<(BodyWriteOutcome, DomainError?)>(commands.Count);
        foreach (var command in commands)
        {
            for (var attempt = 0; ; attempt++)
            {
                var decision = BodyDecider.Decide(command, state);
                if (decision.Error is { } error)
                {
                    outcomes.Add((BodyWriteOutcome.Refused, error));
                    break;
                }

                if (decision.Events.Count == 0)
                {
                    outcomes.Add((BodyWriteOutcome.AlreadyThere, null));
                    break;
                }

                var metadata = JsonSerializer.Serialize(
                    new EventMetadata(command.Actor.UserId, command.Actor.Name, command.Now, command.GetType().Name, null, "qs"), Json.Options);
                IReadOnlyList<NewEvent> events = [.. decision.Events.Select(e => Codec.Encode(e, metadata))];
                var after = decision.Events.Aggregate(state, BodyDecider.Evolve);
                try
                {
                    var result = await store.AppendAsync(new AppendRequest(streamId, version, events,
                        Projections: [.. Projections.SelectMany(p => p.Project(streamId, state, after, version + 1, events))]), cancellationToken);
                    (state, version) = (after, result.LastVersion);
                    outcomes.Add((BodyWriteOutcome.Appended, null));
                    break;
                }
                catch (ConcurrencyException) when (attempt < 8)
                {
                    // Someone appended between the read and the write: decide again on what they wrote.
                    (state, version) = await LoadAsync(store, streamId, cancellationToken);
                }
            }
        }

        return outcomes;
    }

    /// <summary>
    /// Runs an import's commands: each body's in file order by one writer, <paramref name="parallelism"/> bodies at
    /// once. Counts what <paramref name="counts"/> says is a row (a seated member, an appointed official), written or
    /// there already; a command refused now that was accepted when the file was checked stops the import.
    /// </summary>
    public static async Task<Imports.ImportResult> RunImportAsync(
        IEventStore store, IReadOnlyList<(string BodyId, BodyCommand Command)> commands, Func<BodyCommand, bool> counts, int parallelism,
        IProgress<int> progress, CancellationToken cancellationToken)
    {
        int written = 0, already = 0, done = 0;
        await Parallel.ForEachAsync(commands.GroupBy(r => r.BodyId), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (body, ct) =>
            {
                var list = body.Select(r => r.Command).ToList();
                var outcomes = await RunManyAsync(store, body.Key, list, ct);
                if (outcomes.FirstOrDefault(o => o.Outcome == BodyWriteOutcome.Refused) is { Error: { } error })
                {
                    throw new InvalidOperationException($"A row for {body.Key} was checked but is refused now: {error.Message}");
                }

                var rows = outcomes.Zip(list).Where(p => counts(p.Second)).Select(p => p.First.Outcome).ToList();
                Interlocked.Add(ref written, rows.Count(o => o == BodyWriteOutcome.Appended));
                Interlocked.Add(ref already, rows.Count(o => o == BodyWriteOutcome.AlreadyThere));
                progress.Report(Interlocked.Add(ref done, rows.Count));
            });
        return new Imports.ImportResult(written, already);
    }

    private static async Task<(BodyState State, long Version)> LoadAsync(IEventStore store, string streamId, CancellationToken cancellationToken)
    {
        var state = BodyDecider.Initial;
        long version = 0;
        while (true)
        {
            var page = await store.ReadStreamAsync(streamId, version + 1, 1_000, cancellationToken);
            foreach (var stored in page)
            {
                state = BodyDecider.Evolve(state, Codec.Decode(stored));
                version = stored.Version;
            }

            if (page.Count < 1_000)
            {
                return (state, version);
            }
        }
    }
}
