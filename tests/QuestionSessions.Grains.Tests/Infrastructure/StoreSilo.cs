using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Grains.Tests.Infrastructure;

/// <summary>
/// Every silo of a test cluster hosts the project's grains over a real event store: the provider and
/// connection string come from the cluster's properties, so all silos share one database.
/// </summary>
public sealed class StoreSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.Services.AddSingleton(sp => EventStoreFactory.Create(
            configuration["Storage:Provider"]!, configuration["Storage:ConnectionString"]!, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        siloBuilder.Services.AddSingleton(TimeProvider.System);
        siloBuilder.Services.AddQuestionSessionsGrains(configuration);
    }
}

/// <summary>The test cluster's client speaks the same grain interfaces, so it needs the domain records' codec too.</summary>
public sealed class DomainClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.Services.AddDomainRecords();
}
