using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Storage.Postgres;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Runtime.Tests.Storage;

/// <summary>The store contract on PostgreSQL: one fresh database for the class; each test is a new node over it.</summary>
public sealed class PostgresEventStoreTests(PostgresDatabase database) : EventStoreContract, IClassFixture<PostgresDatabase>
{
    protected override bool WritersRunConcurrently => true;

    protected override bool StreamMovedCrossesNodes => true;

    protected override IEventStore CreateStore(TimeProvider clock) => new PostgresEventStore(database.ConnectionString, clock);

    [Fact]
    public async Task Connection_string_settings_for_the_pool_win_over_the_stores_defaults()
    {
        await using var defaults = PostgresConnections.ForCommands(database.ConnectionString, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await using var explicitly = PostgresConnections.ForCommands(
            $"{database.ConnectionString};Max Auto Prepare=0;No Reset On Close=false", Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);

        var given = new Npgsql.NpgsqlConnectionStringBuilder(defaults.ConnectionString);
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(explicitly.ConnectionString);

        Assert.Equal((64, true), (given.MaxAutoPrepare, given.NoResetOnClose));
        Assert.Equal((0, false), (kept.MaxAutoPrepare, kept.NoResetOnClose));
    }

    protected override async Task<AppendHold> HoldAppendsAsync()
    {
        // A session-level lock: held on a connection of its own, outside the store's pool (which does not
        // reset sessions), so a test that fails before releasing it cannot leak it to the next one.
        var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        var key = Random.Shared.NextInt64();
        await Db.ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@k)", Ct, ("@k", key));
        return new AdvisoryHold(Store, connection, key);
    }

    /// <summary>The test holds an advisory lock; the held append's projection write waits for it after its inserts.</summary>
    private sealed class AdvisoryHold(IEventStore store, System.Data.Common.DbConnection connection, long key) : AppendHold
    {
        private bool released;

        public override ProjectionWrite Write { get; } = new("SELECT pg_advisory_xact_lock(@hold)", [("hold", key)]);

        public override async Task WaitUntilBlockedAsync(int count, CancellationToken cancellationToken)
        {
            await using var probe = await store.OpenConnectionAsync(cancellationToken);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (await Db.CountAsync(probe,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                cancellationToken) < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"Expected {count} appenders blocked in the database.");
                await Task.Delay(10, cancellationToken);
            }
        }

        public override async Task ReleaseAsync()
        {
            if (!released)
            {
                released = true;
                await Db.ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("@k", key));
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await connection.DisposeAsync();
        }
    }
}
