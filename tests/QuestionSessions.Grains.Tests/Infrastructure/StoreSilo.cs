using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Grains.Tests.Infrastructure;

/// <summary>
/// Every silo of a test cluster hosts the project's grains over a real event store: the provider and
/// connection string come from the cluster's properties, so all silos share one database. With
/// <c>Test:Clock</c> set, the silos' clock (the grains' and the reminder service's) is that test's
/// <see cref="TestClocks">fake clock</see>, while Orleans' own maintenance keeps real time; with
/// <c>Test:Reminders=AdoNet</c>, reminders live in the database through Orleans' ADO.NET provider.
/// </summary>
public sealed class StoreSilo : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        var provider = configuration["Storage:Provider"]!;
        var connectionString = configuration["Storage:ConnectionString"]!;
        siloBuilder.Services.AddSingleton(sp => EventStoreFactory.Create(
            provider, connectionString, TimeProvider.System, sp.GetRequiredService<ILoggerFactory>()));
        if (configuration["Test:Clock"] is { } clock)
        {
            siloBuilder.Services.AddSingleton<TimeProvider>(TestClocks.Get(clock));
            QuestionSessions.Server.Cluster.SiloHosting.KeepOrleansOnRealTime(siloBuilder.Services);
        }
        else
        {
            siloBuilder.Services.AddSingleton(TimeProvider.System);
        }

        if (configuration["Test:Reminders"] == "AdoNet")
        {
            siloBuilder.UseAdoNetReminderService(o =>
            {
                o.Invariant = provider == "Postgres" ? "Npgsql" : "System.Data.SQLite";
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            siloBuilder.UseInMemoryReminderService();
        }

        // State grains (the commitment intake's checkpoint) keep it in memory here; the server uses ADO.NET storage.
        siloBuilder.AddMemoryGrainStorageAsDefault();
        siloBuilder.Services.AddQuestionSessionsGrains(configuration);
        if (Environment.GetEnvironmentVariable("QS_TEST_SILO_LOG") is { Length: > 0 } category)
        {
            siloBuilder.Services.AddLogging(l => l.AddFilter(category, LogLevel.Trace));
        }
    }
}

/// <summary>Fake clocks that a test shares with the silos of its cluster, found by a key in the cluster's properties.</summary>
public static class TestClocks
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Microsoft.Extensions.Time.Testing.FakeTimeProvider> Clocks = new();

    public static string Register(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock)
    {
        var key = Guid.NewGuid().ToString("N");
        Clocks[key] = clock;
        return key;
    }

    public static Microsoft.Extensions.Time.Testing.FakeTimeProvider Get(string key) => Clocks[key];
}

/// <summary>The test cluster's client speaks the same grain interfaces, so it needs the domain records' codec too.</summary>
public sealed class DomainClient : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.Services.AddDomainRecords();
}
