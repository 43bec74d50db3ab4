using System.Data.Common;
using Microsoft.Data.Sqlite;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary><c>qs verify</c> on a SQLite file.</summary>
public sealed class SqliteQsVerifyTests : QsVerifyContract, IDisposable
{
    private readonly SqliteTestStore _store = new();
    private readonly string _missing = Path.Combine(Path.GetTempPath(), $"qs-missing-{Guid.NewGuid():N}.db");

    private protected override TestStore Store => _store.Store;

    private protected override string MissingStore => $"Data Source={_missing}";

    private protected override DbConnection Connect(string connectionString) => new SqliteConnection(connectionString);

    private protected override void AssertMissingStoreMessage(string error)
    {
        Assert.Contains($"there is no SQLite store at {_missing}", error, StringComparison.Ordinal);
        // Verifying must not create the database it was pointed at.
        Assert.False(File.Exists(_missing));
    }

    public void Dispose()
    {
        File.Delete(_missing);
        _store.Dispose();
    }
}
