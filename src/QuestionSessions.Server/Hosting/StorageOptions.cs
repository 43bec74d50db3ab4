namespace QuestionSessions.Server.Hosting;

/// <summary><c>Storage:Provider</c> is "Sqlite" (the embedded default) or "Postgres" (several nodes).</summary>
internal sealed class StorageOptions
{
    public string Provider { get; set; } = "Sqlite";

    public string ConnectionString { get; set; } = "Data Source=data/questionsessions.db";
}
