using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Grains.Commitments;
using QuestionSessions.Runtime.Live;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Demo;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Runs once the silo is up and before Kestrel listens: the demo seed on an empty store (through the
/// grains), then the cross-node listener and the live relay. Safe on several nodes at once: every seed
/// step is idempotent. The commitments ledger's intake is woken last: it takes in what sittings recorded
/// while no silo ran it, and registers its sweep reminder.
/// </summary>
internal sealed class StartupService(
    IEventStore store, DemoSeeder seeder, StreamRelay<SerializedHubMessage> relay, IGrainFactory grains,
    Administration.GrantMigration grantMigration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await grantMigration.RunAsync(cancellationToken);
        await seeder.SeedIfEmptyAsync(cancellationToken);
        await store.StartListeningAsync(cancellationToken);
        await relay.StartAsync(cancellationToken);
        await grains.GetGrain<ICommitmentIntakeGrain>(0).Nudge();
    }

    public Task StopAsync(CancellationToken cancellationToken) => relay.StopAsync();
}
