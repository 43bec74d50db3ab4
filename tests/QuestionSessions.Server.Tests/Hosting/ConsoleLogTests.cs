using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>The real server process's console log, what an operator's log collector reads, names each request's trace.</summary>
public sealed class ConsoleLogTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task The_servers_console_log_shows_the_requests_trace_id()
    {
        await using var server = await ServerProcess.StartAsync(_store.Store, TestContext.Current.CancellationToken,
            extra: "--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information");
        using var http = new HttpClient { BaseAddress = server.Address };
        using var trace = TracingTests.StartTrace();
        using var response = await http.GetAsync(new Uri($"/api/sittings/{DemoSitting}", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!server.Output.Contains($"TraceId:{trace.TraceId}", StringComparison.Ordinal))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    public void Dispose() => _store.Dispose();
}
