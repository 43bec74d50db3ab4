using System.Data.Common;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Cluster;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Creates what is missing, before the silo starts: the event store's schema, the read models' tables and
/// the tables of Orleans' ADO.NET providers.
/// Safe on several nodes at once (each step is idempotent, and a lost race creating a table is retried).
/// </summary>
internal sealed class SchemaService(IEventStore store) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await CreateReadModelTablesAsync(cancellationToken);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await OrleansTables.CreateAsync(connection, store.Provider == "Postgres", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // CREATE ... IF NOT EXISTS is not atomic on PostgreSQL: nodes starting together over an empty
    // database can all find a table missing, and all but one then fail because it exists after all:
    // on a catalog unique index (23505), on the table's name (42P07) or on its row type (42710). The
    // error comes once the winner has committed, so trying again finds the table and does nothing.
    private async Task CreateReadModelTablesAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await store.OpenConnectionAsync(cancellationToken);
                await SittingDirectory.CreateTableAsync(connection, cancellationToken);
                await BodyDirectory.CreateTableAsync(connection, cancellationToken);
                await Commitments.CommitmentLedger.CreateTableAsync(connection, cancellationToken);
                await Resolutions.ResolutionDirectory.CreateTableAsync(connection, cancellationToken);
                await AccountStore.CreateTableAsync(connection, cancellationToken);
                return;
            }
            catch (DbException e) when (e.SqlState is "23505" or "42P07" or "42710" && attempt < 5)
            {
            }
        }
    }
}
