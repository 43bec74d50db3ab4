using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>The supervision flow on PostgreSQL, a fresh database per test (skipped without <c>QS_TEST_PG</c>).</summary>
public sealed class PostgresSupervisionFlowTests : SupervisionFlowContract
{
    private readonly PostgresDatabase _database = new();

    private protected override async ValueTask<TestStore> OpenStoreAsync()
    {
        await _database.InitializeAsync();
        return new TestStore("Postgres", _database.ConnectionString);
    }

    private protected override ValueTask CloseStoreAsync() => _database.DisposeAsync();
}
