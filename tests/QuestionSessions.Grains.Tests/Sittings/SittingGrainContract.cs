using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Grains.Tests.Infrastructure;
using QuestionSessions.Runtime.Storage;
using static QuestionSessions.Grains.Tests.Sittings.SittingScript;

namespace QuestionSessions.Grains.Tests.Sittings;

/// <summary>
/// The sitting grain on a cluster of three in-process silos over one real store, run on SQLite and on
/// PostgreSQL. Calls go through different silos, as HTTP requests reach different server nodes.
/// </summary>
public abstract class SittingGrainContract : IAsyncLifetime
{
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    private GrainCluster _cluster = null!;

    private protected GrainCluster Cluster => _cluster;

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Storage:Provider and Storage:ConnectionString of a database of this test's own.</summary>
    private protected abstract Task<(string Provider, string ConnectionString)> StoreAsync();

    /// <summary>Settings for the silos (configuration keys), e.g. Aggregates:MaxConcurrencyRetries.</summary>
    private protected virtual (string Key, string Value)[] Settings => [];

    public async ValueTask InitializeAsync()
    {
        var (provider, connectionString) = await StoreAsync();
        _cluster = await GrainCluster.StartAsync(provider, connectionString, 3, Settings);
    }

    public virtual async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Concurrent_commands_through_different_silos_land_on_one_activation_in_version_order()
    {
        var id = await OpenSittingAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            _cluster.Sitting(id, through: i % 3).ExecuteAsync(Segment($"Đoạn {i}: ý kiến của đại biểu", _now), CommandOptions.None, Ct)));

        Assert.All(results, r => Assert.Equal(CommandOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(3, 200).Select(v => (long)v), results.Select(r => r.Version).Order());
        Assert.Single(await _cluster.HostsOfAsync(id));
        var stored = await _cluster.Store.ReadStreamAsync(SittingGrain.StreamId(id), 1, 1_000, Ct);
        Assert.Equal(Enumerable.Range(1, 202).Select(v => (long)v), stored.Select(e => e.Version));
        var chain = await _cluster.Store.VerifyStreamAsync(SittingGrain.StreamId(id), Ct);
        Assert.True(chain.IsValid, chain.Reason);
        Assert.Equal(202, chain.EventsChecked);
        var view = await _cluster.Sitting(id, through: 2).Get(Ct);
        Assert.Equal(202, view!.Version);
        Assert.Equal(200, view.State.PublishedSegments.Count);
    }

    [Fact]
    public async Task Vietnamese_text_crosses_silos_and_is_stored_as_itself_not_escaped()
    {
        var id = await OpenSittingAsync();
        const string Text = "Đại biểu chất vấn Bộ trưởng về đường sắt tốc độ cao Bắc – Nam, “dự án trọng điểm”";

        var segment = Segment(Text, _now);
        var published = await _cluster.Sitting(id, through: 1).ExecuteAsync(segment, CommandOptions.None, Ct);

        var stored = await _cluster.Store.ReadStreamAsync(SittingGrain.StreamId(id), published.Version, 1, Ct);
        Assert.Contains(Text, stored[0].Data, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", stored[0].Data, StringComparison.Ordinal);
        Assert.Contains(segment.SegmentId, (await _cluster.Sitting(id, through: 2).Get(Ct))!.State.PublishedSegments);
    }

    [Fact]
    public async Task A_refusal_writes_nothing_and_carries_the_domain_error_across_silos()
    {
        var id = Guid.CreateVersion7();
        await ExpectAcceptedAsync(id, Schedule(id, _now));

        var refused = await _cluster.Sitting(id, through: 2).ExecuteAsync(new OpenSitting(Secretariat, _now), CommandOptions.None, Ct);

        Assert.Equal(CommandOutcome.Refused, refused.Outcome);
        Assert.Equal("role_required", refused.Error!.Code);
        Assert.Equal(Domain.ErrorKind.Forbidden, refused.Error.Kind);
        Assert.Equal(1, await _cluster.Store.GetStreamVersionAsync(SittingGrain.StreamId(id), Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_result_and_writes_once()
    {
        var id = await OpenSittingAsync();
        var options = new CommandOptions(IdempotencyKey: "segment-1");

        var first = await _cluster.Sitting(id, through: 0).ExecuteAsync(Segment("một lần", _now), options, Ct);
        var again = await _cluster.Sitting(id, through: 1).ExecuteAsync(Segment("một lần", _now), options, Ct);

        Assert.Equal(CommandOutcome.Accepted, first.Outcome);
        Assert.Equal(CommandOutcome.Repeated, again.Outcome);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(3, await _cluster.Store.GetStreamVersionAsync(SittingGrain.StreamId(id), Ct));
    }

    [Fact]
    public async Task An_If_Match_version_that_moved_fails_the_precondition_and_writes_nothing()
    {
        var id = Guid.CreateVersion7();
        await ExpectAcceptedAsync(id, Schedule(id, _now));

        var stale = await _cluster.Sitting(id).ExecuteAsync(new OpenSitting(Chair, _now), new CommandOptions(ExpectedVersion: 0), Ct);
        var fresh = await _cluster.Sitting(id).ExecuteAsync(new OpenSitting(Chair, _now), new CommandOptions(ExpectedVersion: 1), Ct);

        Assert.Equal(CommandOutcome.PreconditionFailed, stale.Outcome);
        Assert.Equal(1, stale.Version);
        Assert.Equal(CommandOutcome.Accepted, fresh.Outcome);
        Assert.Equal(2, fresh.Version);
    }

    [Fact]
    public async Task Reads_of_unknown_sittings_answer_null_and_leave_no_activation()
    {
        var id = Guid.CreateVersion7();

        Assert.Null(await _cluster.Sitting(id, through: 1).Get(Ct));

        await WaitUntilAsync(async () => (await _cluster.HostsOfAsync(id)).Count == 0, "the empty activation was not let go");
    }

    [Fact]
    public async Task A_deactivated_sitting_snapshots_and_its_next_activation_starts_from_the_snapshot()
    {
        var id = await OpenSittingAsync();
        for (var i = 0; i < 60; i++)
        {
            await ExpectAcceptedAsync(id, Segment($"Đoạn {i}", _now));
        }

        Assert.Null(await _cluster.Store.LoadSnapshotAsync(SittingGrain.StreamId(id), Ct));

        await _cluster.CollectIdleAsync(TimeSpan.Zero);
        await WaitUntilAsync(async () => (await _cluster.HostsOfAsync(id)).Count == 0, "the sitting was not deactivated");

        var snapshot = await _cluster.Store.LoadSnapshotAsync(SittingGrain.StreamId(id), Ct);
        Assert.NotNull(snapshot);
        Assert.Equal(62, snapshot.Version);
        var view = await _cluster.Sitting(id, through: 1).Get(Ct);
        Assert.Equal(62, view!.Version);
        Assert.Equal(60, view.State.PublishedSegments.Count);
        Assert.Equal(63, (await _cluster.Sitting(id, through: 2).ExecuteAsync(Segment("sau", _now), CommandOptions.None, Ct)).Version);
    }

    [Fact]
    public async Task A_write_behind_the_grains_back_is_loaded_and_the_command_decided_again_on_it()
    {
        var id = Guid.CreateVersion7();
        await ExpectAcceptedAsync(id, Schedule(id, _now));

        // Another writer (a second activation while membership settles) opens the sitting; the grain still
        // holds "scheduled". Opening a cluster is legal only on the new state: it must not be refused.
        await AppendBehindAsync(id, 1, "sitting_opened", $$"""{"by":{"userId":"chair","name":"Chủ tọa"},"at":"{{_now:O}}"}""");
        var opened = await _cluster.Sitting(id).ExecuteAsync(new OpenCluster(SittingScript.Cluster, Chair, _now), CommandOptions.None, Ct);
        var segment = await _cluster.Sitting(id).ExecuteAsync(Segment("tiếp", _now), CommandOptions.None, Ct);

        Assert.Equal(CommandOutcome.Accepted, opened.Outcome);
        Assert.Equal(3, opened.Version);
        Assert.Equal(4, segment.Version);
        var chain = await _cluster.Store.VerifyStreamAsync(SittingGrain.StreamId(id), Ct);
        Assert.True(chain.IsValid, chain.Reason);
    }

    [Fact]
    public async Task A_silo_killed_under_a_sitting_moves_it_to_another_silo_and_its_versions_continue()
    {
        var id = await OpenSittingOffThePrimaryAsync();
        var keyed = new CommandOptions(IdempotencyKey: "before-the-crash");
        var before = await _cluster.Sitting(id, through: 0).ExecuteAsync(Segment("trước sự cố", _now), keyed, Ct);
        var host = _cluster.Silo(Assert.Single(await _cluster.HostsOfAsync(id)));

        await _cluster.KillSiloAsync(host);

        var survivor = _cluster.Silos.Select((s, i) => (s, i)).First(p => p.s.IsActive && p.s != host).i;
        var after = await RetryUntilAcceptedAsync(() => _cluster.Sitting(id, through: survivor)
            .ExecuteAsync(Segment("sau sự cố", _now), CommandOptions.None, Ct));
        var retried = await _cluster.Sitting(id, through: survivor).ExecuteAsync(Segment("trước sự cố", _now), keyed, Ct);

        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(CommandOutcome.Repeated, retried.Outcome);
        Assert.Equal(before.Version, retried.Version);
        var newHost = Assert.Single(await _cluster.HostsOfAsync(id));
        Assert.NotEqual(host.SiloAddress, newHost);
        var chain = await _cluster.Store.VerifyStreamAsync(SittingGrain.StreamId(id), Ct);
        Assert.True(chain.IsValid, chain.Reason);
        Assert.Equal(after.Version, chain.EventsChecked);
    }

    private protected async Task<Guid> OpenSittingAsync(int through = 0)
    {
        var id = Guid.CreateVersion7();
        await ExpectAcceptedAsync(id, Schedule(id, _now), through);
        await ExpectAcceptedAsync(id, new OpenSitting(Chair, _now), through);
        return id;
    }

    private protected async Task ExpectAcceptedAsync(Guid id, SittingCommand command, int through = 0)
    {
        var reply = await _cluster.Sitting(id, through).ExecuteAsync(command, CommandOptions.None, Ct);
        Assert.True(reply.Outcome == CommandOutcome.Accepted, $"{command.GetType().Name}: {reply.Outcome} {reply.Error?.Code}");
    }

    /// <summary>Appends one event to the sitting's stream directly, as a second writer would.</summary>
    private protected async Task AppendBehindAsync(Guid id, long expectedVersion, string type, string data) =>
        await _cluster.Store.AppendAsync(new AppendRequest(
            SittingGrain.StreamId(id), expectedVersion, [new NewEvent(type, data, """{"actorId":"other","actorName":"other"}""")]), Ct);

    // The membership table of the test cluster lives on its primary silo, which must therefore survive.
    private async Task<Guid> OpenSittingOffThePrimaryAsync()
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var id = await OpenSittingAsync(through: 1 + (attempt % 2));
            if (!(await _cluster.HostsOfAsync(id)).Contains(_cluster.Primary.SiloAddress))
            {
                return id;
            }
        }

        throw new InvalidOperationException("Placement put 30 sittings in a row on the primary silo.");
    }

    /// <summary>
    /// Sends the command until it is accepted: while the dead silo is not yet declared dead, calls to the
    /// sitting fail (as the API's 503 tells clients), and are retried as a client would, within a deadline.
    /// </summary>
    private static async Task<CommandReply> RetryUntilAcceptedAsync(Func<Task<CommandReply>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                var reply = await send();
                Assert.Equal(CommandOutcome.Accepted, reply.Outcome);
                return reply;
            }
            catch (Exception e) when (e is TimeoutException or OrleansException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, Ct);
            }
        }
    }

    private protected static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50, Ct);
        }
    }
}
