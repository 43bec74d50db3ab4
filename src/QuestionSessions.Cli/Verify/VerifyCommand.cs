using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Cli.Verify;

/// <summary>
/// <c>qs verify</c>: reads every stream's rows and re-computes its hash chain, so a row altered in the
/// database, by hand or by an attacker, is found and named by stream and version.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(StoreArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await arguments.OpenAsync(error) is not { } store)
        {
            return CliApp.Usage;
        }

        await using (store)
        {
            if (arguments.MissingSqliteFile() is { } missing)
            {
                await error.WriteLineAsync($"qs: there is no SQLite store at {missing}.");
                return CliApp.Failed;
            }

            try
            {
                return await VerifyAllAsync(store, output, error, cancellationToken);
            }
            catch (System.Data.Common.DbException e)
            {
                await error.WriteLineAsync($"qs: cannot read the {store.Provider} store: {e.Message}");
                return CliApp.Failed;
            }
        }
    }

    private static async Task<int> VerifyAllAsync(IEventStore store, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        {
            var streams = new List<string>();
            await foreach (var stream in store.ListStreamsAsync(null, cancellationToken))
            {
                streams.Add(stream);
            }

            var progress = new ProgressBar(error, streams.Count, "verifying");
            var broken = new List<ChainReport>();
            long events = 0;
            foreach (var stream in streams)
            {
                var report = await store.VerifyStreamAsync(stream, cancellationToken);
                events += report.EventsChecked;
                if (!report.IsValid)
                {
                    broken.Add(report);
                }

                progress.Advance();
            }

            progress.Done();
            foreach (var report in broken)
            {
                await output.WriteLineAsync($"BROKEN {report.StreamId} at version {report.FirstBrokenVersion}: {report.Reason}");
            }

            await output.WriteLineAsync(broken.Count == 0
                ? $"OK: {streams.Count} streams, {events} events, every hash chain holds ({store.Provider})."
                : $"FAILED: {broken.Count} of {streams.Count} streams have a broken hash chain ({store.Provider}).");
            return broken.Count == 0 ? CliApp.Ok : CliApp.Failed;
        }
    }
}
