using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Servers;

/// <summary>A real server node (<see cref="ServerApp.Build"/>) on a free loopback port, demo data seeded.</summary>
internal sealed class RealServer : IAsyncDisposable
{
    public static readonly Guid DemoSitting = Guid.Parse("0199a000-0000-7000-8000-000000000001");

    private readonly WebApplication _app;

    private RealServer(WebApplication app, Uri address)
    {
        _app = app;
        Hub = new UriBuilder(address) { Scheme = "ws", Path = SittingsHub.Path }.Uri;
    }

    public Uri Hub { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Sittings => _app.Services.GetRequiredService<IGrainFactory>();

    public QuestionSessions.Runtime.Storage.IEventStore Store => _app.Services.GetRequiredService<QuestionSessions.Runtime.Storage.IEventStore>();

    public static async Task<RealServer> StartAsync(string provider, string connectionString, CancellationToken cancellationToken)
    {
        var app = ServerApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Orleans:SiloPort=0",
            "--Orleans:GatewayPort=0",
            "--environment", "Production",
            "--contentRoot", AppContext.BaseDirectory,
            $"--Storage:Provider={provider}",
            $"--Storage:ConnectionString={connectionString}",
            "--Demo:Seed=true",
            "--Demo:Password=demo",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",
            // The benchmark's binaries have no wwwroot; nothing here serves static files.
            "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error",
            // Only the seed's demo accounts are hashed, at start-up; nothing measured signs in.
            "--PasswordHasher:IterationCount=1000",
        ]);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new RealServer(app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
