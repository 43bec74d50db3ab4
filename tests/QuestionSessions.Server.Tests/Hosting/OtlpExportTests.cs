using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>With <c>Telemetry:OtlpEndpoint</c> set, a request's trace, grain calls included, is pushed to that collector (OTLP over HTTP).</summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly Channel<(string Path, byte[] Body)> _received = Channel.CreateUnbounded<(string, byte[])>();
    private WebApplication _collector = null!;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync()
    {
        // A stand-in collector: a real Kestrel that keeps every OTLP export posted to it.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _collector = builder.Build();
        _collector.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body, http.RequestAborted);
            await _received.Writer.WriteAsync((http.Request.Path.Value!, body.ToArray()), http.RequestAborted);
            return Results.Ok();
        });
        await _collector.StartAsync(TestContext.Current.CancellationToken);
        var collector = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _node = await TestNode.StartAsync(_store.Store, extra: [$"--Telemetry:OtlpEndpoint={collector}", "--Telemetry:OtlpProtocol=HttpProtobuf"]);
    }

    [Fact]
    public async Task A_requests_trace_reaches_the_configured_collector()
    {
        using var http = _node.Anonymous();
        var activity = new Activity("test-caller");
        activity.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        ActivityTraceId traceId;
        using (activity.Start())
        {
            traceId = activity.TraceId;
            await SittingStateAsync(http, DemoSitting);
        }

        // The trace id travels as its 16 raw bytes in the protobuf body, with each span: wait for a batch holding the
        // grain call's span of this request, which shows the trace went on through Orleans to the collector.
        var id = Convert.FromHexString(traceId.ToHexString());
        var grainCall = "IAggregateGrain"u8.ToArray();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var (path, body) = await _received.Reader.ReadAsync(deadline.Token);
            if (path == "/v1/traces" && body.AsSpan().IndexOf(id) >= 0 && body.AsSpan().IndexOf(grainCall) >= 0)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        await _collector.StopAsync();
        await _collector.DisposeAsync();
        _store.Dispose();
    }
}
