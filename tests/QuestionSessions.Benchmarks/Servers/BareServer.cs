using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Benchmarks.Servers;

/// <summary>
/// The baseline for live fan-out: a separate minimal web application with the same host defaults and the
/// same JSON protocol settings as the server, one group per sitting, broadcasting through
/// <see cref="IHubContext{THub}"/> (SignalR serializes a group send once per protocol, too).
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IHubContext<BareHub> _hub;

    private BareServer(WebApplication app, Uri address)
    {
        _app = app;
        _hub = app.Services.GetRequiredService<IHubContext<BareHub>>();
        Hub = new UriBuilder(address) { Scheme = "ws", Path = BareHub.Path }.Uri;
    }

    public Uri Hub { get; }

    public int Connections => _app.Services.GetRequiredService<ConnectionCounter>().Count;

    public static async Task<BareServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--contentRoot", AppContext.BaseDirectory,
            "--Logging:LogLevel:Default=Warning",
        ]);
        builder.Services.AddSingleton<ConnectionCounter>();
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024)
            .AddJsonProtocol(o => Extensions.ConfigureJson(o.PayloadSerializerOptions));
        var app = builder.Build();
        app.MapHub<BareHub>(BareHub.Path);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new BareServer(app, new Uri(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public Task BroadcastAsync(Guid sittingId, object payload, CancellationToken cancellationToken) =>
        _hub.Clients.Group(sittingId.ToString()).SendAsync(HubMethods.Event, payload, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
