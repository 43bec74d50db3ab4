using System.Data.Common;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Cluster;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Creates what is missing, before the silo starts: the event store's schema, the read models' tables and
/// the tables of Orleans' ADO.NET providers. Safe on several nodes at once: each step runs in one transaction
/// that, on PostgreSQL, first takes an advisory lock, because CREATE ... IF NOT EXISTS is not atomic there
/// (nodes starting together over an empty database could all find a table missing, and all but one fail on
/// the catalog's unique index). On SQLite the transaction's write lock serializes them.
/// </summary>
internal sealed class SchemaService(IEventStore store) : IHostedService
{
    private const long ReadModelLockKey = 0x7173_5f72_6561_646d; // "qs_readm"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await CreateReadModelTablesAsync(connection, store.Provider == "Postgres", cancellationToken);
        await OrleansTables.CreateAsync(connection, store.Provider == "Postgres", cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task CreateReadModelTablesAsync(DbConnection connection, bool postgres, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (postgres)
        {
            await using var command = Sql.Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", ReadModelLockKey));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await SittingDirectory.CreateTableAsync(connection, transaction, cancellationToken);
        await BodyDirectory.CreateTableAsync(connection, transaction, cancellationToken);
        await Commitments.CommitmentLedger.CreateTableAsync(connection, transaction, cancellationToken);
        await Resolutions.ResolutionDirectory.CreateTableAsync(connection, transaction, cancellationToken);
        await AccountStore.CreateTableAsync(connection, transaction, cancellationToken);
        await SessionStore.CreateTableAsync(connection, transaction, cancellationToken);
        await LockoutStore.CreateTableAsync(connection, transaction, cancellationToken);
        await ExternalLogins.CreateTableAsync(connection, transaction, cancellationToken);
        await OidcReplayGuard.CreateTableAsync(connection, transaction, cancellationToken);
        await Administration.RoleGrantLedger.CreateTableAsync(connection, transaction, cancellationToken);
        await Search.SearchIndex.CreateTableAsync(connection, transaction, cancellationToken);
        await PersonalData.PersonalDataStore.CreateTableAsync(connection, transaction, cancellationToken);
        await Petitions.PetitionDirectory.CreateTableAsync(connection, transaction, cancellationToken);
        await Explanations.ExplanationDirectory.CreateTableAsync(connection, transaction, cancellationToken);
        await Supervision.SupervisionDirectory.CreateTableAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
