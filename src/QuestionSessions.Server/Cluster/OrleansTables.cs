using System.Data.Common;
using System.Reflection;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Cluster;

/// <summary>
/// Creates the tables Orleans' ADO.NET providers use and stores the project's queries under the keys the
/// providers look up, in one transaction that is safe to repeat and to race (nodes starting together).
/// The queries are written for the providers' contract at <see cref="ContractVersion"/>: a build with other
/// Orleans ADO.NET packages refuses to start until they are checked against it.
/// </summary>
internal static class OrleansTables
{
    /// <summary>The version of the Orleans ADO.NET providers whose query contract the queries follow.</summary>
    public const string ContractVersion = "10.4.2";

    // Serializes nodes creating the tables at once: CREATE ... IF NOT EXISTS alone is not atomic on PostgreSQL.
    private const long MigrationLockKey = 0x7173_5f6f_726c_6e73; // "qs_orlns"

    public static async Task CreateAsync(DbConnection connection, bool postgres, CancellationToken cancellationToken)
    {
        EnsureContractVersion();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (postgres)
        {
            await using var command = Sql.Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", MigrationLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = Sql.Command(connection, transaction, postgres ? PostgresOrleansTables.Create : SqliteOrleansTables.Create))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (key, text) in postgres ? PostgresOrleansTables.Queries : SqliteOrleansTables.Queries)
        {
            await using var command = Sql.Command(connection, transaction, """
                INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text)
                ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText
                """, ("key", key), ("text", text));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The version of the Orleans ADO.NET clustering provider this build runs with.</summary>
    public static string ProviderVersion()
    {
        var assembly = typeof(Orleans.Configuration.AdoNetClusteringSiloOptions).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        // "10.4.2. Commit Hash: …" or "10.4.2+…": the version is what comes first.
        return System.Text.RegularExpressions.Regex.Match(informational, @"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?").Value;
    }

    private static void EnsureContractVersion()
    {
        if (ProviderVersion() != ContractVersion)
        {
            throw new InvalidOperationException(
                $"The Orleans ADO.NET providers are version {ProviderVersion()}, but the project's Orleans tables and queries follow "
                + $"their contract at {ContractVersion}. Check the query keys, parameters and columns in Cluster/*OrleansTables.cs against "
                + "the new version, then update OrleansTables.ContractVersion.");
        }
    }
}
