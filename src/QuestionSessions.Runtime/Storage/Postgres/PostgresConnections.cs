using Microsoft.Extensions.Logging;
using Npgsql;

namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>
/// The two kinds of connection the store uses, built from the one configured connection string.
/// </summary>
internal static class PostgresConnections
{
    /// <summary>
    /// Pooled connections for appends, reads and the features' own SQL. Two settings differ from
    /// Npgsql's defaults (a connection string that sets Max Auto Prepare keeps its own value):
    /// <list type="bullet">
    /// <item><c>No Reset On Close</c>: by default every return to the pool queues a reset (RESET ALL,
    /// UNLISTEN *, advisory unlocks, DISCARD …) that the server runs before the next statement, which on
    /// a command path of one short statement per command is most of the server's work. Nothing here
    /// leaves session state behind: no SET, no temporary tables, advisory locks are transaction-scoped,
    /// and LISTEN has a connection of its own (<see cref="ForListening"/>).</item>
    /// <item><c>Max Auto Prepare</c>: statements run more than once on a connection are prepared, so
    /// the server parses and plans the append's INSERT once per connection instead of once per command.
    /// Plans follow schema changes (PostgreSQL re-plans them).</item>
    /// </list>
    /// </summary>
    public static NpgsqlDataSource ForCommands(string connectionString, ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.NoResetOnClose = true;
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        return builder.UseLoggerFactory(loggerFactory).Build();
    }

    /// <summary>
    /// The LISTEN connection: not pooled, so a connection that has listened is closed rather than
    /// handed to a command with the LISTEN still in place.
    /// </summary>
    public static NpgsqlDataSource ForListening(string connectionString, ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.Pooling = false;
        return builder.UseLoggerFactory(loggerFactory).Build();
    }
}
