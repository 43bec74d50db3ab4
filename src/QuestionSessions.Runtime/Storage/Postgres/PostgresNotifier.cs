using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>
/// Sends this node's NOTIFYs after commit, in the background, on a connection of its own.
/// </summary>
/// <remarks>
/// <c>pg_notify</c> inside the append's transaction takes PostgreSQL's global notify lock from
/// pre-commit until the commit's WAL flush, so notifying transactions commit one at a time and lose
/// group commit. Sending after commit, and coalescing what accumulated while the previous batch was in
/// flight (the highest version per stream is all a reader needs), keeps the appends out of that lock.
/// <para>
/// Batches are at least <see cref="MinInterval"/> apart: a NOTIFY after a quiet spell goes at once,
/// but under load the appends of a few milliseconds share one statement instead of each paying a
/// round trip and a transaction on both sides. Other nodes hear of a move at most that much later.
/// 10 ms against 2 ms before: at ~4,800 appends/s the NOTIFY transactions fall from up to 500 to
/// 100 a second, which took about a tenth off the database's extra CPU per append over a bare insert
/// (append-pg-16, 0.79–0.82 → 0.84 of the baseline); 10 ms is small beside the live path's
/// hundreds of milliseconds of p99, and nothing on this node waits for it.
/// </para>
/// <para>
/// Invariant: a NOTIFY is only a hint. Relays on other nodes also poll the gap-safe feed
/// (<c>RelayOptions.PollInterval</c>), so a node that crashes between a commit and its NOTIFY, or a
/// NOTIFY lost to a dropped connection, delays other nodes by at most one poll and never loses an
/// event. This node's own subscribers are told at once by the appender, not through here.
/// </para>
/// </remarks>
internal sealed class PostgresNotifier(NpgsqlDataSource dataSource, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FinalFlushTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The shortest time between two batches.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(10);

    private readonly Lock gate = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly CancellationTokenSource stopping = new();
    private Dictionary<string, long> pending = new(StringComparer.Ordinal);
    private bool wakePending;
    private bool disposed;
    private Task? loop;
    private int processId;

    /// <summary>The server process of the sending connection (0 when none): the listener skips our own NOTIFYs.</summary>
    public int ProcessId => Volatile.Read(ref processId);

    /// <summary>Queues a NOTIFY for a committed version; never blocks on the database.</summary>
    public void Enqueue(string streamId, long version)
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            if (!pending.TryGetValue(streamId, out var queued) || queued < version)
            {
                pending[streamId] = version;
            }

            loop ??= Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
            if (!wakePending)
            {
                wakePending = true;
                wake.Release();
            }
        }
    }

    /// <summary>Sends what is still queued (briefly), then stops the loop and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        Task? running;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            running = loop;
            if (!wakePending)
            {
                wakePending = true;
                wake.Release();
            }
        }

        if (running is not null)
        {
            // The loop sees `disposed`, flushes once and returns; a database that does not answer is cut off.
            await Task.WhenAny(running, Task.Delay(FinalFlushTimeout, CancellationToken.None));
            await stopping.CancelAsync();
            await running; // RunAsync ends on cancellation without throwing.
        }

        stopping.Dispose();
        wake.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        NpgsqlConnection? connection = null;
        var failures = 0;
        var lastSent = 0L;
        try
        {
            while (true)
            {
                await wake.WaitAsync(stop);
                var sinceLast = Stopwatch.GetElapsedTime(lastSent);
                if (sinceLast < MinInterval && !Volatile.Read(ref disposed))
                {
                    await Task.Delay(MinInterval - sinceLast, stop);
                }

                Dictionary<string, long> batch;
                bool last;
                lock (gate)
                {
                    wakePending = false;
                    last = disposed;
                    batch = pending;
                    pending = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                if (batch.Count > 0)
                {
                    try
                    {
                        connection ??= await OpenAsync(stop);
                        lastSent = Stopwatch.GetTimestamp();
                        await SendAsync(connection, batch, stop);
                        failures = 0;
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                        return;
                    }
#pragma warning disable CA1031 // The notifier must not die: its NOTIFYs are hints, and the feed poll covers a lost one.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        failures++;
                        Volatile.Write(ref processId, 0);
                        if (connection is not null)
                        {
                            await connection.DisposeAsync();
                            connection = null;
                        }

                        if (last)
                        {
                            return;
                        }

                        var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));
                        logger.LogWarning(ex, "Sending {Count} {Channel} notifications failed; retrying in {Delay}", batch.Count, PostgresAppender.Channel, delay);
                        Requeue(batch);
                        await Task.Delay(delay, stop);
                        continue;
                    }
                }

                if (last)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // shutting down
        }
        finally
        {
            Volatile.Write(ref processId, 0);
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken stop)
    {
        var connection = await dataSource.OpenConnectionAsync(stop);
        Volatile.Write(ref processId, connection.ProcessID);
        return connection;
    }

    // One statement, one round trip and one implicit transaction per wake-up, whatever accumulated:
    // the notify lock is taken once per batch, by this connection, never by an append.
    private static async Task SendAsync(NpgsqlConnection connection, Dictionary<string, long> batch, CancellationToken stop)
    {
        var payloads = new string[batch.Count];
        var i = 0;
        foreach (var (streamId, version) in batch)
        {
            payloads[i++] = NotificationPayload.Format(streamId, version);
        }

        await using var command = PostgresRows.Command(connection, null,
            "SELECT count(pg_notify($1, payload)) FROM unnest($2::text[]) AS payload", PostgresAppender.Channel, payloads);
        await command.ExecuteNonQueryAsync(stop);
    }

    // A failed batch goes back in front of what came since, keeping the highest version per stream.
    private void Requeue(Dictionary<string, long> batch)
    {
        lock (gate)
        {
            foreach (var (streamId, version) in batch)
            {
                if (!pending.TryGetValue(streamId, out var queued) || queued < version)
                {
                    pending[streamId] = version;
                }
            }

            if (!wakePending)
            {
                wakePending = true;
                wake.Release();
            }
        }
    }
}
