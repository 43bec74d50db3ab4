using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Live;

/// <summary>
/// A viewer's mistakes on the sittings hub (an unknown sitting, a negative version, arguments of the wrong
/// type) get an answer that says what was wrong, and the server logs them as the client's, never as errors.
/// Spoken to with the .NET SignalR client, as any other client would.
/// </summary>
public sealed class HubMistakeTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly CapturedLogs _logs = new();
    private TestNode _node = null!;
    private HubConnection _hub = null!;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(
            _store.Store,
            configure: b => b.Services.AddSingleton<ILoggerProvider>(_logs),
            extra: ["--Logging:LogLevel:QuestionSessions.Server.Live=Information", "--Logging:LogLevel:Microsoft.AspNetCore.SignalR=Debug"]);
        _hub = new HubConnectionBuilder().WithUrl(new Uri(_node.Address, "/hubs/sittings")).Build();
        await _hub.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _node.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public async Task Joining_a_sitting_that_does_not_exist_is_answered_not_found()
    {
        var reply = await _hub.InvokeAsync<JsonElement>("Join", Guid.NewGuid(), 0L, TestContext.Current.CancellationToken);

        Assert.Equal("notFound", reply.GetProperty("outcome").GetString());
        Assert.Contains("no such sitting", reply.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertLoggedAsTheClientsMistake("not found");
    }

    [Fact]
    public async Task Watching_a_commitment_that_does_not_exist_is_answered_not_found()
    {
        var reply = await _hub.InvokeAsync<JsonElement>("WatchCommitment", Guid.NewGuid(), 0L, TestContext.Current.CancellationToken);

        Assert.Equal("notFound", reply.GetProperty("outcome").GetString());
        AssertLoggedAsTheClientsMistake("not found");
    }

    [Fact]
    public async Task A_negative_version_is_refused_with_the_reason()
    {
        var reply = await _hub.InvokeAsync<JsonElement>("Join", DemoSitting, -1L, TestContext.Current.CancellationToken);

        Assert.Equal("refused", reply.GetProperty("outcome").GetString());
        Assert.Contains("afterVersion", reply.GetProperty("detail").GetString(), StringComparison.Ordinal);
        AssertLoggedAsTheClientsMistake("afterVersion");
    }

    [Fact]
    public async Task Arguments_of_the_wrong_type_fail_the_call_and_are_not_logged_as_errors()
    {
        // SignalR words a binding failure itself, without the detail unless detailed errors are on (which would
        // show every server exception's message to clients too); it logs it at Debug.
        var failure = await Assert.ThrowsAsync<HubException>(() =>
            _hub.InvokeAsync<JsonElement>("Join", "not-a-sitting", "latest", TestContext.Current.CancellationToken));

        Assert.Contains("'Join'", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("Parameters to hub method 'Join' are incorrect", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_sitting_that_exists_is_still_joined()
    {
        var reply = await _hub.InvokeAsync<JsonElement>("Join", DemoSitting, 0L, TestContext.Current.CancellationToken);

        Assert.Equal("joined", reply.GetProperty("outcome").GetString());
        Assert.True(reply.GetProperty("version").GetInt64() > 0);
    }

    private void AssertLoggedAsTheClientsMistake(string reason)
    {
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Category.EndsWith("SittingsHub", StringComparison.Ordinal)
            && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    private sealed record Entry(string Category, LogLevel Level, string Message);

    /// <summary>Every log entry the node writes, with its level, for the test to read.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(category, logLevel, formatter(state, exception)));
        }
    }
}
