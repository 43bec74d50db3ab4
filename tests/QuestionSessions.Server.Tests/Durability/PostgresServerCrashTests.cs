using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary>The crash contract on PostgreSQL, a fresh database per test.</summary>
public sealed class PostgresServerCrashTests : ServerCrashContract, IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    private protected override TestStore Store => new("Postgres", _database.ConnectionString);

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
