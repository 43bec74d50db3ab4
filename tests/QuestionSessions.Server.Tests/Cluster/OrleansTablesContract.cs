using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using QuestionSessions.Server.Cluster;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Cluster;

/// <summary>
/// The project's Orleans tables and queries, driven through the real ADO.NET providers of a running server:
/// grain storage with its optimistic versions, reminders with their ring ranges. Run on each provider.
/// </summary>
public abstract class OrleansTablesContract
{
    private protected abstract TestStore Store { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_starts_twice_on_the_same_database_and_the_migration_changes_nothing_the_second_time()
    {
        var store = Store;
        await (await TestNode.StartAsync(store)).DisposeAsync();

        await using var again = await TestNode.StartAsync(store);

        using var http = again.Anonymous();
        using var ready = await http.GetAsync("/health/ready", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(OrleansTables.ContractVersion, OrleansTables.ProviderVersion());
    }

    [Fact]
    public async Task Grain_storage_writes_reads_and_clears_with_versions_that_refuse_a_stale_writer()
    {
        await using var node = await TestNode.StartAsync(Store, seed: false);
        var storage = node.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        var grainId = GrainId.Create("follows", "voter/nguyễn-văn-a");

        var first = new GrainState<List<string>>(["commitment/1"]);
        await storage.WriteStateAsync("follows", grainId, first);
        var read = new GrainState<List<string>>();
        await storage.ReadStateAsync("follows", grainId, read);
        var stale = new GrainState<List<string>>(["stale"]) { ETag = first.ETag };
        read.State = ["commitment/1", "agency/bộ-y-tế"];
        await storage.WriteStateAsync("follows", grainId, read);

        Assert.True(read.RecordExists);
        Assert.NotEqual(first.ETag, read.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("follows", grainId, stale));
        var again = new GrainState<List<string>>();
        await storage.ReadStateAsync("follows", grainId, again);
        Assert.Equal(["commitment/1", "agency/bộ-y-tế"], again.State);

        await storage.ClearStateAsync("follows", grainId, again);
        var cleared = new GrainState<List<string>>();
        await storage.ReadStateAsync("follows", grainId, cleared);
        Assert.False(cleared.RecordExists);
        // A new grain of the same key and a different state name does not see this one's state.
        var other = new GrainState<List<string>>();
        await storage.ReadStateAsync("preferences", grainId, other);
        Assert.Null(other.ETag);
    }

    [Fact]
    public async Task Reminders_are_upserted_read_by_grain_and_by_ring_range_and_removed_only_at_their_version()
    {
        await using var node = await TestNode.StartAsync(Store, seed: false);
        var table = node.Services.GetRequiredService<IReminderTable>();
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("commitment", $"c-{i}")).ToList();
        var start = new DateTime(2026, 12, 31, 17, 0, 0, DateTimeKind.Utc);
        foreach (var grain in grains)
        {
            await table.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "deadline", StartAt = start, Period = TimeSpan.FromDays(30) }, Ct);
        }

        var etag = await table.UpsertRow(new ReminderEntry { GrainId = grains[0], ReminderName = "deadline", StartAt = start.AddDays(1), Period = TimeSpan.FromDays(30) }, Ct);
        var row = (await table.ReadRow(grains[0], "deadline", Ct))!;
        Assert.Equal(start.AddDays(1), row.StartAt);
        Assert.Equal(TimeSpan.FromDays(30), row.Period);
        Assert.Equal(etag, row.ETag);

        // Four ranges that cover the ring, crossing both the signed and the unsigned wrap: each reminder once.
        uint[] cuts = [0x0000_0000, 0x4000_0000, 0x8000_0000, 0xC000_0000];
        var found = new List<GrainId>();
        for (var i = 0; i < cuts.Length; i++)
        {
            found.AddRange((await table.ReadRows(cuts[i], cuts[(i + 1) % cuts.Length], Ct)).Reminders.Select(r => r.GrainId));
        }

        // The server's own reminders (the commitments intake's sweep) are in the table too: compare this test's.
        Assert.Equal(grains.Order(), found.Where(g => g.Type == grains[0].Type).Order());
        Assert.False(await table.RemoveRow(grains[0], "deadline", "999", Ct));
        Assert.True(await table.RemoveRow(grains[0], "deadline", etag!, Ct));
        Assert.Empty((await table.ReadRows(grains[0], Ct)).Reminders);
    }
}

public sealed class SqliteOrleansTablesTests : OrleansTablesContract, IDisposable
{
    private readonly SqliteTestStore _store = new();

    private protected override TestStore Store => _store.Store;

    public void Dispose() => _store.Dispose();
}

public sealed class PostgresOrleansTablesTests : OrleansTablesContract, IAsyncLifetime
{
    private readonly QuestionSessions.Tests.Shared.PostgresDatabase _database = new();

    private protected override TestStore Store => new("Postgres", _database.ConnectionString);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
