using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Runtime.Live;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Demo;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Runs before Kestrel listens: schema, read models, the demo seed on an empty store, then the
/// cross-node listener and the live relay. Safe on several nodes at once (each step is idempotent).
/// </summary>
internal sealed class StartupService(
    IEventStore store, DemoSeeder seeder, StreamRelay<SerializedHubMessage> relay) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        await using (var connection = await store.OpenConnectionAsync(cancellationToken))
        {
            await SittingDirectory.CreateTableAsync(connection, cancellationToken);
            await BodyDirectory.CreateTableAsync(connection, cancellationToken);
            await AccountStore.CreateTableAsync(connection, cancellationToken);
        }

        await seeder.SeedIfEmptyAsync(cancellationToken);
        await store.StartListeningAsync(cancellationToken);
        await relay.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => relay.StopAsync();
}
