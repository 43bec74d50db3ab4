using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Grains.Tests.Sittings;

/// <summary>The contract on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresSittingGrainTests : SittingGrainContract
{
    private readonly PostgresDatabase _database = new();

    private protected override async Task<(string Provider, string ConnectionString)> StoreAsync()
    {
        await _database.InitializeAsync();
        return ("Postgres", _database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
