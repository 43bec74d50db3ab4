namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>A SQLite file in a fresh temp folder, deleted with it.</summary>
internal sealed class SqliteTestStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-test-").FullName;

    public SqliteTestStore() => Store = new TestStore("Sqlite", $"Data Source={Path.Combine(_folder, "qs.db")}");

    public TestStore Store { get; }

    public string DatabasePath => Path.Combine(_folder, "qs.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pool is left for the OS to clean; it is in the temp folder.
        }
    }
}
