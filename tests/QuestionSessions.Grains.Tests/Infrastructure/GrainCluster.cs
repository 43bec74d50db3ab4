using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Grains.Tests.Infrastructure;

/// <summary>
/// An in-process Orleans cluster (<see cref="TestCluster"/>) of several silos, each hosting the grains
/// over the same real event store. Calls can be made through any silo, as the server nodes make them.
/// </summary>
internal sealed class GrainCluster : IAsyncDisposable
{
    private readonly TestCluster _cluster;

    private GrainCluster(TestCluster cluster, IEventStore store)
    {
        _cluster = cluster;
        Store = store;
    }

    /// <summary>A store over the same database as the silos', for the test's own reads.</summary>
    public IEventStore Store { get; }

    public IReadOnlyList<SiloHandle> Silos => _cluster.Silos;

    public static async Task<GrainCluster> StartAsync(string provider, string connectionString, short silos, params (string Key, string Value)[] settings)
    {
        var store = EventStoreFactory.Create(provider, connectionString, TimeProvider.System);
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        var builder = new TestClusterBuilder(silos);
        builder.Options.ConfigureFileLogging = Environment.GetEnvironmentVariable("QS_TEST_SILO_LOG") is { Length: > 0 };
        builder.Properties["Storage:Provider"] = provider;
        builder.Properties["Storage:ConnectionString"] = connectionString;
        foreach (var (key, value) in settings)
        {
            builder.Properties[key] = value;
        }

        builder.AddSiloBuilderConfigurator<StoreSilo>();
        builder.AddClientBuilderConfigurator<DomainClient>();
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
        }
        catch
        {
            await cluster.DisposeAsync();
            await store.DisposeAsync();
            throw;
        }

        return new GrainCluster(cluster, store);
    }

    /// <summary>The grain factory of silo <paramref name="index"/>: calls made there start on that silo.</summary>
    public IGrainFactory Through(int index) =>
        ((InProcessSiloHandle)_cluster.Silos[index]).ServiceProvider.GetRequiredService<IGrainFactory>();

    public ISittingGrain Sitting(Guid id, int through = 0) => Through(through).GetGrain<ISittingGrain>(id);

    /// <summary>The silos that hold an activation of the grain, as the cluster's management grain reports them.</summary>
    public async Task<IReadOnlyList<SiloAddress>> HostsOfAsync(GrainId grainId)
    {
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var statistics = await management.GetDetailedGrainStatistics();
        return [.. statistics.Where(s => s.GrainId == grainId).Select(s => s.SiloAddress)];
    }

    /// <summary>The silos that hold an activation of the sitting, as the cluster's management grain reports them.</summary>
    public Task<IReadOnlyList<SiloAddress>> HostsOfAsync(Guid sittingId) => HostsOfAsync(Through(0).GetGrain<ISittingGrain>(sittingId).GetGrainId());

    public SiloHandle Silo(SiloAddress address) => _cluster.Silos.Single(s => s.SiloAddress.Equals(address));

    public Task KillSiloAsync(SiloHandle silo) => _cluster.KillSiloAsync(silo);

    /// <summary>Asks every silo to deactivate what has been idle for at least <paramref name="age"/>.</summary>
    public Task CollectIdleAsync(TimeSpan age) => _cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(age);

    public SiloHandle Primary => _cluster.Primary!;

    public async ValueTask DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
        await Store.DisposeAsync();
    }
}
