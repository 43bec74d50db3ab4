using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Storage.Sqlite;

namespace QuestionSessions.Runtime.Tests.Storage;

/// <summary>The store contract on SQLite: a fresh database file per test, in a directory the store creates.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "qs-tests", Guid.NewGuid().ToString("N"));

    protected override bool WritersRunConcurrently => false;

    protected override bool StreamMovedCrossesNodes => false;

    protected override IEventStore CreateStore(TimeProvider clock) =>
        new SqliteEventStore($"Data Source={Path.Combine(directory, "data", "qs.db")}", clock);

    protected override async Task<AppendHold> HoldAppendsAsync()
    {
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)await Store.OpenConnectionAsync(Ct);
        return new WriteLockHold((SqliteEventStore)Store, connection, connection.BeginTransaction(deferred: false));
    }

    /// <summary>
    /// The test holds the file's write lock (BEGIN IMMEDIATE), so the next append waits for it in the
    /// database (busy_timeout) before writing, holding the store's write gate; the others queue on the gate.
    /// </summary>
    private sealed class WriteLockHold(SqliteEventStore store, Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction) : AppendHold
    {
        public override ProjectionWrite Write { get; } = new("SELECT @hold", [("hold", 1)]);

        public override async Task WaitUntilBlockedAsync(int count, CancellationToken cancellationToken)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(4); // within busy_timeout
            while (!store.IsWriting)
            {
                Assert.True(DateTime.UtcNow < deadline, "Expected an append waiting for the held lock.");
                await Task.Delay(5, cancellationToken);
            }
        }

        public override async Task ReleaseAsync()
        {
            if (transaction.Connection is not null)
            {
                await transaction.RollbackAsync();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await ReleaseAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    protected override ValueTask DisposeDatabaseAsync()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
