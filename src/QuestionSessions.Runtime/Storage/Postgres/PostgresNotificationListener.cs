using Microsoft.Extensions.Logging;
using Npgsql;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>
/// Holds one dedicated connection on <c>LISTEN qs_events</c> and turns each notification into a
/// <see cref="StreamMoved"/>. When the connection drops it reconnects with backoff and then raises
/// <c>StreamMoved("", 0)</c>: notifications sent while it was away are lost, so subscribers must
/// resync from the store. NOTIFYs sent by this node's own <see cref="PostgresNotifier"/> (its backend
/// is <paramref name="ownSender"/>) are skipped: the appender has already raised them locally.
/// </summary>
internal sealed class PostgresNotificationListener(
    NpgsqlDataSource dataSource, StreamMovedSignal signal, ILogger logger, Func<int> ownSender)
    : IAsyncDisposable
{
    // An idle LISTEN connection can die silently (NAT, failover); a probe this often notices it.
    private static readonly TimeSpan IdleProbe = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private Task? loop;
    private bool disposed;
    private int processId;

    /// <summary>The server process of the current LISTEN connection (0 before the first); tests terminate it.</summary>
    public int ProcessId => Volatile.Read(ref processId);

    /// <summary>Starts the loop once; completes when the first LISTEN is in place.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(!TryStart(), this);
        return listening.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Starts the loop once without waiting; false (and nothing started) once disposed.</summary>
    public bool TryStart()
    {
        lock (gate)
        {
            if (disposed)
            {
                return false;
            }

            loop ??= Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
            return true;
        }
    }

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
        }

        await stopping.CancelAsync();
        if (running is not null)
        {
            await running; // RunAsync ends on cancellation without throwing.
        }

        listening.TrySetCanceled();
        stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresAppender.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                Volatile.Write(ref processId, connection.ProcessID);
                if (failures > 0)
                {
                    logger.LogInformation("Listening on {Channel} again after {Failures} failed attempts", PostgresAppender.Channel, failures);
                    signal.Raise(new StreamMoved("", 0));
                }

                failures = 0;
                listening.TrySetResult();
                await WaitForeverAsync(connection, stop);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return; // shutting down: however the wait ended, it is not a failure
            }
#pragma warning disable CA1031 // Any failure of the connection means: reconnect. The loop must not die.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 16)));
                logger.LogWarning(ex, "Listening on {Channel} failed; retrying in {Delay}", PostgresAppender.Channel, delay);
                try
                {
                    await Task.Delay(delay, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task WaitForeverAsync(NpgsqlConnection connection, CancellationToken stop)
    {
        while (true)
        {
            if (!await connection.WaitAsync(IdleProbe, stop))
            {
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteNonQueryAsync(stop);
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (args.PID == ownSender())
        {
            return;
        }

        if (NotificationPayload.TryParse(args.Payload, out var moved))
        {
            signal.Raise(moved);
        }
        else
        {
            logger.LogWarning("Ignoring a malformed {Channel} payload: {Payload}", args.Channel, args.Payload);
        }
    }
}
