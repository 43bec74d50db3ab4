using Microsoft.Data.Sqlite;

namespace QuestionSessions.Cli;

/// <summary>Which store to open: from options, else the server's environment variables, else the embedded default.</summary>
internal sealed record StoreArguments(string Provider, string ConnectionString)
{
    public static StoreArguments? Parse(ReadOnlySpan<string> args)
    {
        var provider = Environment.GetEnvironmentVariable("Storage__Provider") ?? "Sqlite";
        var connection = Environment.GetEnvironmentVariable("Storage__ConnectionString") ?? "Data Source=data/questionsessions.db";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--provider" when i + 1 < args.Length:
                    provider = args[++i];
                    break;
                case "--connection" when i + 1 < args.Length:
                    connection = args[++i];
                    break;
                default:
                    return null;
            }
        }

        return new StoreArguments(provider, connection);
    }

    /// <summary>The store these arguments name, or null (and the reason on <paramref name="error"/>) for an unknown provider.</summary>
    public async Task<QuestionSessions.Runtime.Storage.IEventStore?> OpenAsync(TextWriter error)
    {
        try
        {
            return QuestionSessions.Runtime.Storage.EventStoreFactory.Create(Provider, ConnectionString, TimeProvider.System);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"qs: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// The full path of the SQLite file these arguments name when it is not there; null when it is, or for an
    /// in-memory or URI database, or another provider. Opening a missing file creates an empty one: a command
    /// that reads the store would leave a stray database behind and blame a missing table instead of the path.
    /// </summary>
    public string? MissingSqliteFile()
    {
        if (!Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(ConnectionString);
        var path = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || path.Length == 0 || path == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return File.Exists(path) ? null : Path.GetFullPath(path);
    }
}
