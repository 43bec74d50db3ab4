using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Orleans.Configuration;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Cluster;

/// <summary>
/// Makes the server process an Orleans silo hosting the grains. SQLite: a cluster of one on localhost.
/// PostgreSQL: ADO.NET membership in the same database, so every process started over it joins one cluster.
/// On both, Orleans' ADO.NET grain storage and reminders keep their rows in the same database.
/// </summary>
internal static class SiloHosting
{
    // Orleans' own maintenance loops (membership probes, messaging timeouts, directory, collection) keep
    // real time even when a test drives the application's clock by hand.
    private static readonly string[] RealTimeAreas =
    [
        TimeProviderNames.Membership, TimeProviderNames.Messaging, TimeProviderNames.SystemTimers,
        TimeProviderNames.ActivationManagement, TimeProviderNames.GrainDirectory,
    ];

    /// <summary>Pins Orleans' maintenance clocks to real time; the grains and reminders use the container's <see cref="TimeProvider"/>.</summary>
    internal static void KeepOrleansOnRealTime(IServiceCollection services)
    {
        foreach (var area in RealTimeAreas)
        {
            services.AddKeyedSingleton(area, TimeProvider.System);
        }
    }

    public static void AddSilo(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Orleans").Get<ClusterSettings>() ?? new ClusterSettings();
        var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        var postgres = storage.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);
        KeepOrleansOnRealTime(builder.Services);
        builder.Services.AddQuestionSessionsGrains(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            // Activity.Current crosses grain calls, so a request's trace goes on through the grains it calls.
            silo.AddActivityPropagation();
            var siloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
            var gatewayPort = settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort;
            if (postgres)
            {
                silo.UseAdoNetClustering(o =>
                {
                    o.Invariant = "Npgsql";
                    o.ConnectionString = storage.ConnectionString;
                });
                silo.ConfigureEndpoints(Advertised(settings.AdvertisedAddress, postgres), siloPort, gatewayPort, listenOnAnyHostAddress: settings.AdvertisedAddress is null);
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, null, settings.ServiceId, settings.ClusterId);
            }

            // Grain state that is not an event stream (follow lists, preferences) and reminders (deadlines), in the
            // same database. "System.Data.SQLite" is the providers' name for Microsoft.Data.Sqlite.
            var invariant = postgres ? "Npgsql" : "System.Data.SQLite";
            silo.AddAdoNetGrainStorageAsDefault(o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = storage.ConnectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = storage.ConnectionString;
            });
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = settings.ProbeTimeout;
                o.NumMissedProbesLimit = settings.MissedProbesLimit;
                o.NumVotesForDeathDeclaration = settings.VotesForDeathDeclaration;
            });
            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = settings.GrainCollectionAge);
        });
    }

    private static IPAddress Advertised(string? configured, bool postgres)
    {
        if (configured is not null)
        {
            return IPAddress.Parse(configured);
        }

        if (!postgres)
        {
            return IPAddress.Loopback;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
    }

    // A port the system just handed out and nobody holds: what "0" means for the silo and gateway ports.
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
