using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Retry_with_the_same_idempotency_key_returns_the_first_result_and_writes_nothing()
    {
        var stream = NewStreamId();
        var key = $"key-{Guid.NewGuid():N}";
        var first = await Store.AppendAsync(new AppendRequest(stream, 0, Events("a", "b"), key, """{"questionId":"q-1"}"""), Ct);

        // A client retrying after a lost response still sends the version it saw before: 0.
        var retry = await Store.AppendAsync(new AppendRequest(stream, 0, Events("a", "b"), key, """{"questionId":"q-2"}"""), Ct);

        Assert.False(first.Duplicate);
        Assert.Equal("""{"questionId":"q-1"}""", first.IdempotencyResult);
        Assert.True(retry.Duplicate);
        Assert.Empty(retry.Events);
        Assert.Equal("""{"questionId":"q-1"}""", retry.IdempotencyResult);
        Assert.Equal("""{"questionId":"q-1"}""", await Store.FindIdempotentResultAsync(key, Ct));
        Assert.Equal(2, await Store.GetStreamVersionAsync(stream, Ct));
    }

    [Fact]
    public async Task FindIdempotentResult_of_an_unknown_key_is_null()
    {
        Assert.Null(await Store.FindIdempotentResultAsync($"key-{Guid.NewGuid():N}", Ct));
    }

    [Fact]
    public async Task Concurrent_appends_with_the_same_idempotency_key_write_once()
    {
        var stream = NewStreamId();
        var key = $"key-{Guid.NewGuid():N}";

        var outcomes = await RaceAsync(8, racer => new AppendRequest(stream, 0, Events($"racer {racer}"), key, $"racer {racer}"));

        var winner = Assert.Single(outcomes, o => !o.Duplicate);
        Assert.All(outcomes, o => Assert.Equal(winner.IdempotencyResult, o.IdempotencyResult));
        Assert.Equal(winner.Events, await Store.ReadStreamAsync(stream, 1, 100, Ct));
    }

    [Fact]
    public async Task Concurrent_appends_with_the_same_idempotency_key_on_different_streams_write_once()
    {
        var prefix = $"petition/{Guid.NewGuid():N}/";
        var key = $"key-{Guid.NewGuid():N}";

        // Here no version check can stop the losers: only the key's primary key does.
        var outcomes = await RaceAsync(8, racer => new AppendRequest($"{prefix}{racer}", 0, Events($"racer {racer}"), key, $"racer {racer}"));

        var winner = Assert.Single(outcomes, o => !o.Duplicate);
        Assert.All(outcomes, o => Assert.Equal(winner.IdempotencyResult, o.IdempotencyResult));
        var written = await Store.ListStreamsAsync(prefix, Ct).ToListAsync(Ct);
        Assert.Equal([winner.Events[0].StreamId], written);
    }

    private async Task<AppendResult[]> RaceAsync(int racers, Func<int, AppendRequest> request)
    {
        await using var hold = await HoldAppendsAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = Enumerable.Range(0, racers).Select(async racer =>
        {
            await start.Task;
            return await Store.AppendAsync(request(racer) with { Projections = [hold.Write] }, Ct);
        }).ToList();
        start.SetResult();
        await hold.WaitUntilBlockedAsync(racers, Ct);
        await hold.ReleaseAsync();
        return await Task.WhenAll(attempts);
    }
}
