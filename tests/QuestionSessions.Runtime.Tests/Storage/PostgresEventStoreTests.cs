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

    protected override async Task WaitForBlockedWritersAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await Store.OpenConnectionAsync(cancellationToken);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (await Db.CountAsync(connection,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            cancellationToken) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} appenders blocked on the leading one.");
            await Task.Delay(10, cancellationToken);
        }
    }
}
