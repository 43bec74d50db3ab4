using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>
/// One real server node on Kestrel, on a free loopback port, over the store a test chooses. Several
/// nodes over one PostgreSQL database make a cluster in one process.
/// </summary>
internal sealed class TestNode : IAsyncDisposable
{
    public const string DemoPassword = "demo";

    private readonly WebApplication _app;

    private TestNode(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts a node. A seeded SQLite node over a new file begins from a copy of the once-seeded demo
    /// (<see cref="SeededTemplate"/>) when its seed would be the same; its own seeder then finds the demo there.
    /// </summary>
    public static async Task<TestNode> StartAsync(
        TestStore store, bool seed = true, TimeProvider? clock = null, Action<WebApplicationBuilder>? configure = null, params string[] extra)
    {
        if (SeededTemplate.Fits(store, seed, clock, configure is not null, extra))
        {
            await SeededTemplate.CopyToAsync(store, s => StartOverAsync(s, seed: true, clock: null, configure: null, extra: []), TestContext.Current.CancellationToken);
        }

        return await StartOverAsync(store, seed, clock, configure, extra);
    }

    private static async Task<TestNode> StartOverAsync(
        TestStore store, bool seed, TimeProvider? clock, Action<WebApplicationBuilder>? configure, string[] extra)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            // Each node its own silo and gateway ports: several run on this machine at once.
            "--Orleans:SiloPort=0",
            "--Orleans:GatewayPort=0",
            "--environment", "Production",
            $"--Storage:Provider={store.Provider}",
            $"--Storage:ConnectionString={store.ConnectionString}",
            $"--Demo:Seed={seed}",
            $"--Demo:Password={DemoPassword}",
            "--Logging:LogLevel:Default=Warning",
            "--Live:PollInterval=00:00:00.200",
            // Demo accounts are hashed at start-up; a low work factor keeps each test node quick.
            "--PasswordHasher:IterationCount=1000",
            .. extra,
        ];
        var app = ServerApp.Build(args, builder =>
        {
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestNode(app, new Uri(address));
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>A client signed in as a demo account (the cookie stays in its handler).</summary>
    public Task<SignedInClient> SignInAsync(string username) => SignInAsync(Address, username);

    /// <summary>A client signed in as a demo account on the server at <paramref name="address"/>, in this process or not.</summary>
    public static async Task<SignedInClient> SignInAsync(Uri address, string username)
    {
        var client = Client(address, new CookieContainer());
        using var response = await client.Http.PostAsJsonAsync("/api/auth/sign-in", new { username, password = DemoPassword }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return client with { Cookie = client.Cookies.GetCookieHeader(address) };
    }

    /// <summary>A client that sends (and keeps) the cookies in <paramref name="cookies"/>.</summary>
    public static SignedInClient Client(Uri address, CookieContainer cookies) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) },
            cookies.GetCookieHeader(address), cookies);

    public Task<HubClient> ConnectHubAsync() => HubClient.ConnectAsync(Address, cancellationToken: TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record SignedInClient(HttpClient Http, string Cookie, CookieContainer Cookies) : IDisposable
{
    public void Dispose() => Http.Dispose();
}
