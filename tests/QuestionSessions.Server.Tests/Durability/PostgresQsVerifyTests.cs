using System.Data.Common;
using Npgsql;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary><c>qs verify</c> on PostgreSQL, a fresh database per test.</summary>
public sealed class PostgresQsVerifyTests : QsVerifyContract, IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly string _missingName = $"qs_missing_{Guid.NewGuid():N}";

    private protected override TestStore Store => new("Postgres", _database.ConnectionString);

    private protected override string MissingStore =>
        new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = _missingName }.ConnectionString;

    private protected override DbConnection Connect(string connectionString) => new NpgsqlConnection(connectionString);

    private protected override void AssertMissingStoreMessage(string error)
    {
        Assert.Contains("cannot read the Postgres store", error, StringComparison.Ordinal);
        Assert.Contains($"\"{_missingName}\" does not exist", error, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
