namespace QuestionSessions.Grains.Tests.Sittings;

/// <summary>The contract on a SQLite file that three silos share.</summary>
public sealed class SqliteSittingGrainTests : SittingGrainContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-grains-").FullName;

    private protected override Task<(string Provider, string ConnectionString)> StoreAsync() =>
        Task.FromResult(("Sqlite", $"Data Source={Path.Combine(_folder, "qs.db")}"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
