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
    /// PostgreSQL re-plans them after a schema change, but one that changes a result type fails each
    /// connection's next run once ("cached plan must not change result type"): clear the pool after such
    /// a migration.</item>
    /// </list>
    /// Either can be set in the connection string, which then wins.
    /// </summary>
    public static NpgsqlDataSource ForCommands(string connectionString, ILoggerFactory loggerFactory)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        // Only defaults: an operator's explicit value wins (e.g. Max Auto Prepare=0 behind a PgBouncer in
        // transaction mode, which cannot keep prepared statements).
        var given = Keywords(connectionString);
        if (!given.Contains("noresetonclose"))
        {
            settings.NoResetOnClose = true;
        }

        if (!given.Contains("maxautoprepare"))
        {
            settings.MaxAutoPrepare = 64;
        }

        return builder.UseLoggerFactory(loggerFactory).Build();
    }

    private static HashSet<string> Keywords(string connectionString)
    {
        var raw = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return raw.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
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
