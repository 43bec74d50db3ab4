using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>The supervision flow on the embedded store, a SQLite file per test.</summary>
public sealed class SqliteSupervisionFlowTests : SupervisionFlowContract
{
    private readonly SqliteTestStore _store = new();

    private protected override ValueTask<TestStore> OpenStoreAsync() => ValueTask.FromResult(_store.Store);

    private protected override ValueTask CloseStoreAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}
