using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>A request's trace id, sent in <c>traceparent</c>, is on the log lines it writes and on the grain calls it makes.</summary>
public sealed class TracingTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly CapturingLoggerProvider _logs = new();
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() =>
        _node = await TestNode.StartAsync(_store.Store, configure: b => b.Logging.AddProvider(_logs),
            extra: ["--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information"]);

    [Fact]
    public async Task A_log_line_written_during_a_request_carries_the_requests_trace_id()
    {
        using var http = _node.Anonymous();
        using var trace = StartTrace();
        using var response = await http.GetAsync(new Uri($"/api/sittings/{DemoSitting}", UriKind.Relative), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();

        // The host logs "Request finished" after the response is sent: wait for that line.
        var line = await _logs.WaitForAsync(l => l.Message.Contains($"/api/sittings/{DemoSitting}", StringComparison.Ordinal)
            && l.Message.Contains("finished", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(trace.TraceId.ToString(), line.Scope.GetValueOrDefault("TraceId"));
        Assert.NotNull(line.Scope.GetValueOrDefault("SpanId"));
    }

    [Fact]
    public async Task A_commands_trace_goes_on_into_the_grain_it_calls()
    {
        using var chair = await _node.SignInAsync("chair.na");
        using var trace = StartTrace();
        var traceId = trace.TraceId;
        var grainSpans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.TraceId == traceId)
                {
                    grainSpans.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));

        // Both ends of the grain call: the endpoint's call out and the grain's turn that ran the command.
        Assert.Contains(grainSpans, a => a.Kind == ActivityKind.Client && a.DisplayName.EndsWith("/Execute", StringComparison.Ordinal));
        Assert.Contains(grainSpans, a => a.Kind == ActivityKind.Server && a.DisplayName.EndsWith("/Execute", StringComparison.Ordinal));
    }

    /// <summary>
    /// A trace begun here, as a caller's would be: HttpClient sends it in <c>traceparent</c> and the server goes on
    /// with it. A recorded parent, so the trace id is the test's own whoever else listens in this process.
    /// </summary>
    internal static Activity StartTrace()
    {
        var activity = new Activity("test-caller");
        activity.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        return activity.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }

    internal sealed record LogLine(string Category, string Message, IReadOnlyDictionary<string, string?> Scope);

    /// <summary>Keeps every log line with the values of the scopes it was written in (the trace ids among them).</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<LogLine> _lines = new();
        private readonly SemaphoreSlim _written = new(0);
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public async Task<LogLine> WaitForAsync(Func<LogLine, bool> match)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                if (_lines.FirstOrDefault(match) is { } line)
                {
                    return line;
                }

                await _written.WaitAsync(deadline.Token);
            }
        }

        public void Dispose() => _written.Dispose();

        private void Write(string category, string message)
        {
            var scope = new Dictionary<string, string?>();
            _scopes.ForEachScope((value, state) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, item) in pairs)
                    {
                        state[key] = item?.ToString();
                    }
                }
            }, scope);
            _lines.Enqueue(new LogLine(category, message, scope));
            _written.Release();
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                provider.Write(category, formatter(state, exception));
        }
    }
}
