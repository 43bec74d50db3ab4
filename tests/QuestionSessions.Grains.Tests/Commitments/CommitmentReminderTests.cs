using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Grains.Tests.Infrastructure;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Telemetry;
using QuestionSessions.Server.Cluster;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Grains.Tests.Commitments;

/// <summary>
/// A commitment's deadline through real Orleans reminders, stored by the ADO.NET provider in PostgreSQL,
/// on three silos whose clock the test moves: the owner is reminded 30 and 7 days before, the commitment
/// is overdue the moment the deadline day ends in Hanoi, each exactly once, although the silo holding
/// the commitment is killed on the way and the reminder keeps ticking afterwards.
/// </summary>
public sealed class CommitmentReminderTests : IAsyncLifetime
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private static readonly DateOnly Deadline = new(2027, 3, 31);

    private readonly PostgresDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 20, 9, 0, 0, Hanoi));
    private GrainCluster? _cluster;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        await using (var connection = new NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await OrleansTables.CreateAsync(connection, postgres: true, TestContext.Current.CancellationToken);
        }

        _cluster = await GrainCluster.StartAsync("Postgres", _database.ConnectionString, 3,
            ("Test:Clock", TestClocks.Register(_clock)), ("Test:Reminders", "AdoNet"));
    }

    [Fact]
    public async Task Each_milestone_happens_once_across_a_killed_silo_and_repeated_ticks()
    {
        var ct = TestContext.Current.CancellationToken;
        var cluster = _cluster!;
        var id = Guid.NewGuid();
        using var reminders = new ReminderCount();
        var made = await cluster.Through(1).GetGrain<ICommitmentGrain>(id).ExecuteAsync(Make(id), new CommandOptions(), ct);
        Assert.Equal(CommandOutcome.Accepted, made.Outcome);

        // 20 February is within 30 days of 31 March's reminder date (1 March): the first milestone is the 30-day one.
        await AdvanceUntilAsync(cluster.Store, id, new DateTimeOffset(2027, 3, 1, 0, 0, 0, Hanoi), "owner_reminded", ct);

        // The silo holding the commitment dies; it activates elsewhere when its reminder next ticks.
        var hosts = await cluster.HostsOfAsync(cluster.Through(0).GetGrain<ICommitmentGrain>(id).GetGrainId());
        var host = cluster.Silo(Assert.Single(hosts));
        if (host != cluster.Primary)
        {
            await cluster.KillSiloAsync(host);
        }
        else
        {
            await cluster.KillSiloAsync(cluster.Silos.First(s => s != cluster.Primary));
        }

        await AdvanceUntilAsync(cluster.Store, id, new DateTimeOffset(2027, 3, 24, 0, 0, 0, Hanoi), "owner_reminded", ct, count: 2);
        var passed = await AdvanceUntilAsync(cluster.Store, id, new DateTimeOffset(2027, 4, 1, 0, 0, 0, Hanoi), "deadline_passed", ct);
        // Overdue the moment 31 March ends in Hanoi, on the silos' clock (the time the event records).
        var passedAt = System.Text.Json.JsonDocument.Parse(passed.Data).RootElement.GetProperty("at").GetDateTimeOffset();
        Assert.InRange(passedAt, new DateTimeOffset(2027, 4, 1, 0, 0, 0, Hanoi), new DateTimeOffset(2027, 4, 1, 0, 30, 0, Hanoi));
        var overdue = await cluster.Through(0).GetGrain<ICommitmentGrain>(id).Get(ct);
        Assert.Equal(Deadline, overdue!.State.OverdueSince);

        // Three more days of daily ticks, and a tick sent by hand on top: nothing is recorded twice.
        var before = await cluster.Store.GetStreamVersionAsync(CommitmentGrain.StreamId(id), ct);
        for (var day = 0; day < 3; day++)
        {
            _clock.Advance(TimeSpan.FromDays(1));
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct); // lets the daily tick run; the checks below do not depend on it
        }

        var repeat = await cluster.Through(0).GetGrain<ICommitmentGrain>(id)
            .ExecuteAsync(new RunMilestones(Actor.System, _clock.GetUtcNow()), new CommandOptions(), ct);
        Assert.Equal(before, repeat.Version);
        var events = await cluster.Store.ReadStreamAsync(CommitmentGrain.StreamId(id), 1, 100, ct);
        Assert.Equal(["commitment_made", "owner_reminded", "owner_reminded", "deadline_passed"], events.Select(e => e.Type));
        var view = await cluster.Through(0).GetGrain<ICommitmentGrain>(id).Get(ct);
        Assert.Equal(Deadline, view!.State.OverdueSince);

        // Each milestone came from a reminder tick, and the operator's counter saw them (other tests' ticks may add more).
        Assert.True(reminders.Commitment >= 3, $"qs.reminders.fired counted {reminders.Commitment} commitment ticks.");
    }

    /// <summary>Counts <c>qs.reminders.fired</c> for commitments while it lives, as a metrics exporter would.</summary>
    private sealed class ReminderCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _commitment;

        public ReminderCount()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == QsMetrics.MeterName && instrument.Name == "qs.reminders.fired")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "kind", Value: "commitment" })
                    {
                        Interlocked.Add(ref _commitment, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Commitment => Interlocked.Read(ref _commitment);

        public void Dispose() => _listener.Dispose();
    }

    private static MakeCommitment Make(Guid id) => new(
        id, CommitmentKind.Commitment,
        new Provenance(SourceKind.Answer, "na", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "na-d-001"),
        [new CommitmentOwner("bo-y-te", "Bộ Y tế", "na-o-health", "Ngô Thanh Bình")],
        "Bảo đảm đủ thuốc cho bệnh viện tuyến huyện", null, new CommitmentDeadline(Deadline),
        new ActorRef("u-sec", "Văn phòng Quốc hội"), Actor.System, new DateTimeOffset(2027, 2, 20, 9, 0, 0, Hanoi));

    /// <summary>
    /// Moves the clock to <paramref name="until"/> and then on in small steps until the stream holds
    /// <paramref name="count"/> events of <paramref name="type"/>: the reminder fires on the silos' own
    /// timers, so the test waits for the event (with a deadline in real time), never for a fixed time.
    /// </summary>
    private async Task<StoredEvent> AdvanceUntilAsync(IEventStore store, Guid id, DateTimeOffset until, string type, CancellationToken ct, int count = 1)
    {
        var earlier = await OfTypeAsync(store, id, type, ct);
        Assert.True(earlier.Count < count, $"{type} was recorded before its time.");

        // The grain registers its reminder for this milestone after its previous step: wait for that (the
        // registration is relative to the clock when it arrives, so the clock must not jump before it).
        using (var registered = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            registered.CancelAfter(TimeSpan.FromSeconds(30));
            while (await ReminderStartAsync(ct) is not { } start || (start - until).Duration() > TimeSpan.FromMinutes(1))
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20), registered.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    Assert.Fail($"The reminder was not registered for {until:O}; reminders: {await RemindersAsync(ct)}");
                }
            }
        }
        // A jump to shortly before the milestone (each timer due on the way fires once), then small steps: the
        // reminder service loads a reminder from its table a little before it is due, as it does in real time.
        if (until - _clock.GetUtcNow() > TimeSpan.FromMinutes(20))
        {
            _clock.Advance(until - TimeSpan.FromMinutes(20) - _clock.GetUtcNow());
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = await OfTypeAsync(store, id, type, ct);
            if (found.Count >= count)
            {
                Assert.Equal(count, found.Count);
                return found[^1];
            }

            // The reminder service's refresh and the reminder's own timer run on the fake clock: keep it moving.
            _clock.Advance(TimeSpan.FromSeconds(5));
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"No {type} by {_clock.GetUtcNow():O}; reminders: {await RemindersAsync(ct)}");
            }
        }
    }

    private static async Task<List<StoredEvent>> OfTypeAsync(IEventStore store, Guid id, string type, CancellationToken ct) =>
        [.. (await store.ReadStreamAsync(CommitmentGrain.StreamId(id), 1, 100, ct)).Where(e => e.Type == type)];

    private async Task<DateTimeOffset?> ReminderStartAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT start_time FROM orleans_reminder WHERE reminder_name = 'deadline'", connection);
        return await command.ExecuteScalarAsync(ct) is DateTime start ? new DateTimeOffset(DateTime.SpecifyKind(start, DateTimeKind.Utc)) : null;
    }

    private async Task<string> RemindersAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT grain_id, reminder_name, start_time, period_ms FROM orleans_reminder", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetFieldValue<DateTimeOffset>(2):O} {reader.GetInt64(3)}");
        }

        return rows.Count == 0 ? "none" : string.Join("; ", rows);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
