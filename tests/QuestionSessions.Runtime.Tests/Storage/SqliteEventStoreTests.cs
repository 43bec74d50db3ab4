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

    protected override ValueTask DisposeDatabaseAsync()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
