using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The sitting command path exactly as the server wires it: a server node (<see cref="ServerApp.Build"/>)
/// whose schema and silo are started, and each command is a call to its sitting grain through the node's
/// <see cref="IGrainFactory"/>, as the endpoints make it; the grain appends with the server's projections
/// (the sitting directory, written in the append's transaction). Kestrel, the relay and the notification
/// listener are not started: this measures the command path, not the live fan-out (see the fan-out scenario).
/// </summary>
/// <remarks>
/// Each writer publishes to a sitting of its own and moves to a freshly scheduled and opened one after
/// <see cref="SegmentsPerSitting"/> segments. A sitting's state, its O(n) checks and its snapshots grow
/// with its transcript; without the cap the cost per command would depend on how long the benchmark had
/// been running rather than on what a real sitting (a few hundred segments a day) looks like.
/// </remarks>
internal sealed class CommandPath : IAsyncDisposable
{
    public const int SegmentsPerSitting = 300;

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Guid[] _keys;
    private readonly int[] _published;
    private readonly List<Guid> _allKeys;

    private CommandPath(WebApplication app, IGrainFactory sittings, IEventStore store, TimeProvider time, Guid[] keys)
    {
        _app = app;
        Sittings = sittings;
        Store = store;
        _time = time;
        _keys = keys;
        _published = new int[keys.Length];
        _allKeys = [.. keys];
    }

    public IGrainFactory Sittings { get; }

    public IEventStore Store { get; }

    /// <summary>The sitting writer <paramref name="writer"/> publishes to now.</summary>
    public Guid CurrentKey(int writer) => _keys[writer];

    /// <summary>Sittings opened so far, the rotated ones included.</summary>
    public int SittingsOpened => _allKeys.Count;

    public static async Task<CommandPath> CreateAsync(string provider, string connectionString, int writers, CancellationToken cancellationToken)
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
            "--Demo:Seed=false",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans=Warning",
            "--Logging:LogLevel:Orleans.Runtime.Silo=Warning",
            // The benchmark's binaries have no wwwroot; nothing here serves static files.
            "--Logging:LogLevel:Microsoft.AspNetCore.StaticFiles=Error",
        ]);
        try
        {
            // The hosted services in their order, up to the silo: the schema, then Orleans. The ones after it
            // (seed, relay, listener) and Kestrel's are left out.
            foreach (var service in CommandPathServices(app))
            {
                await service.StartAsync(cancellationToken);
            }

            var store = app.Services.GetRequiredService<IEventStore>();
            var sittings = app.Services.GetRequiredService<IGrainFactory>();
            var time = app.Services.GetRequiredService<TimeProvider>();
            var keys = new Guid[writers];
            for (var i = 0; i < writers; i++)
            {
                keys[i] = await SittingFixture.OpenNewSittingAsync(sittings, time, cancellationToken);
            }

            return new CommandPath(app, sittings, store, time, keys);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One transcript segment on writer <paramref name="writer"/>'s own sitting, preceded by scheduling and
    /// opening the writer's next sitting when this one is full; returns the number of commands run.
    /// </summary>
    public async Task<int> PublishAsync(int writer, CancellationToken cancellationToken)
    {
        var commands = 1;
        if (_published[writer] == SegmentsPerSitting)
        {
            _keys[writer] = await SittingFixture.OpenNewSittingAsync(Sittings, _time, cancellationToken);
            _published[writer] = 0;
            commands += 2;
            lock (_allKeys)
            {
                _allKeys.Add(_keys[writer]);
            }
        }

        await SittingFixture.ExpectAcceptedAsync(Sittings, _keys[writer], SittingFixture.Segment(_time.GetUtcNow()), cancellationToken);
        _published[writer]++;
        return commands;
    }

    /// <summary>One grain call on writer <paramref name="writer"/>'s sitting that reads its state and does no I/O: the call's own cost.</summary>
    public async Task<int> ReadAsync(int writer, CancellationToken cancellationToken)
    {
        _ = await Sittings.GetGrain<ISittingGrain>(_keys[writer]).Get(cancellationToken);
        return 1;
    }

    /// <summary>The event as stored, to give the raw baseline the very same row.</summary>
    public async Task<StoredEvent> SampleAsync(CancellationToken cancellationToken)
    {
        var result = await SittingFixture.ExpectAcceptedAsync(Sittings, _keys[0], SittingFixture.Segment(_time.GetUtcNow()), cancellationToken);
        _published[0]++;
        return await SittingFixture.StoredAsync(Store, _keys[0], result.Version, cancellationToken);
    }

    /// <summary>Events appended to every sitting this path opened.</summary>
    public async Task<long> TotalEventsAsync(CancellationToken cancellationToken)
    {
        var total = 0L;
        foreach (var key in _allKeys)
        {
            total += await Store.GetStreamVersionAsync(SittingGrain.StreamId(key), cancellationToken);
        }

        return total;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var service in CommandPathServices(_app).Reverse())
        {
            await service.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static IEnumerable<IHostedService> CommandPathServices(WebApplication app) =>
        app.Services.GetServices<IHostedService>().TakeWhile(s => s is not QuestionSessions.Server.Hosting.StartupService);
}
