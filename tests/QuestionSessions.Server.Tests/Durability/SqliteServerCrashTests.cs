using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary>The crash contract on the embedded store: a SQLite file in WAL mode, synchronous=FULL.</summary>
public sealed class SqliteServerCrashTests : ServerCrashContract, IDisposable
{
    private readonly SqliteTestStore _store = new();

    private protected override TestStore Store => _store.Store;

    public void Dispose() => _store.Dispose();
}
