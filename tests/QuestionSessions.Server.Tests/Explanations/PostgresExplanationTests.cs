using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Grains.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Tests.Shared;
using QuestionSessions.Server.Tests.Commitments;
using static QuestionSessions.Server.Tests.Explanations.Requests;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Explanations;

/// <summary>The explanation read models on PostgreSQL: the same SQL as on SQLite gives the same queue, window, search and erasure.</summary>
public sealed class PostgresExplanationTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly ManualClock _clock = new(Monday);
    private TestNode? _node;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_queue_the_overdue_window_the_search_and_an_erasure_work_on_PostgreSQL()
    {
        _node = await TestNode.StartAsync(new TestStore("Postgres", _database.ConnectionString), clock: _clock, extra: ["--RateLimits:PublicFilingPerMinute=1000"]);
        using var http = _node.Anonymous();
        var hidden = await FileAsync(http, Body(publish: false));
        var open = await FileAsync(http, Body(subject: "Giải trình về giá dịch vụ khám bệnh"));

        Assert.Equal(1, (await ReadAsync(http, "/api/explanations")).Body.GetProperty("total").GetInt32());
        using (var hue = await _node.SignInAsync("secretariat.hue"))
        {
            Assert.Equal(1, (await ReadAsync(hue.Http, "/api/explanations")).Body.GetProperty("total").GetInt32());
        }

        _clock.Advance(TimeSpan.FromDays(8));
        await TickAsync(_node, hidden.RequestId);
        using var officer = await _node.SignInAsync("officer.na-health");
        Assert.Equal(2, (await ReadAsync(officer.Http, "/api/explanations?agency=na-a-health&agencyBody=na&status=received")).Body.GetProperty("total").GetInt32());
        var overdue = await Ledger.Eventually(officer.Http, "/api/explanations?window=overdue", p => p.GetProperty("total").GetInt32() == 1);
        Assert.Equal(hidden.RequestId, overdue.GetProperty("items")[0].GetProperty("requestId").GetGuid());

        var hit = Assert.Single((await ReadAsync(http, "/api/search?q=gia dich vu kham")).Body.GetProperty("items").EnumerateArray());
        Assert.Equal(("explanation", open.RequestId.ToString()), (hit.GetProperty("kind").GetString(), hit.GetProperty("id").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(http, $"{hidden.ByCode}/erasure", null, hidden.SecretHeader)).Status);
        Assert.True((await ReadAsync(officer.Http, $"{hidden.Path}/requester")).Body.GetProperty("erased").GetBoolean());
        var chain = await _node.Services.GetRequiredService<IEventStore>().VerifyStreamAsync(ExplanationGrain.StreamId(hidden.RequestId), TestContext.Current.CancellationToken);
        Assert.True(chain.IsValid, chain.Reason);
    }
}
