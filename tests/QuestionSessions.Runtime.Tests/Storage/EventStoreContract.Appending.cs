using System.Data.Common;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Append_then_ReadStream_returns_the_same_events()
    {
        var stream = NewStreamId();
        var appended = await AppendAsync(stream, 0, "a", "b", "c");

        var read = await Store.ReadStreamAsync(stream, 1, 100, Ct);

        Assert.False(appended.Duplicate);
        Assert.Equal(appended.Events, read);
        Assert.Equal(["""{"text":"a"}""", """{"text":"b"}""", """{"text":"c"}"""], read.Select(e => e.Data));
        Assert.All(read, e => Assert.Equal("question_filed", e.Type));
        Assert.All(read, e => Assert.Equal("""{"actor":"deputy/42","correlation":"c-1"}""", e.Metadata));
        Assert.True(read[0].Position < read[1].Position && read[1].Position < read[2].Position);
    }

    [Fact]
    public async Task Append_numbers_versions_from_one_and_continues_from_the_expected_version()
    {
        var stream = NewStreamId();

        var first = await AppendAsync(stream, 0, "a", "b");
        var second = await AppendAsync(stream, 2, "c");

        Assert.Equal([1L, 2L], first.Events.Select(e => e.Version));
        Assert.Equal(3, second.LastVersion);
        Assert.Equal(3, await Store.GetStreamVersionAsync(stream, Ct));
        Assert.Equal(0, await Store.GetStreamVersionAsync(NewStreamId(), Ct));
    }

    [Fact]
    public async Task Append_with_stale_version_throws_ConcurrencyException()
    {
        var stream = NewStreamId();
        await AppendAsync(stream, 0, "a", "b");

        var behind = await Assert.ThrowsAsync<ConcurrencyException>(() => AppendAsync(stream, 1, "c"));
        var ahead = await Assert.ThrowsAsync<ConcurrencyException>(() => AppendAsync(stream, 5, "c"));
        var asIfNew = await Assert.ThrowsAsync<ConcurrencyException>(() => AppendAsync(stream, 0, "c"));

        Assert.Equal((stream, 1L), (behind.StreamId, behind.ExpectedVersion));
        Assert.Equal(5, ahead.ExpectedVersion);
        Assert.Equal(0, asIfNew.ExpectedVersion);
        Assert.Equal(2, await Store.GetStreamVersionAsync(stream, Ct));
    }

    [Fact]
    public async Task Append_with_the_expected_hash_chains_from_it()
    {
        var stream = NewStreamId();
        var genesis = new string('0', 64);

        var first = await Store.AppendAsync(new AppendRequest(stream, 0, Events("a", "b"), ExpectedHash: genesis), Ct);
        var second = await Store.AppendAsync(new AppendRequest(stream, 2, Events("c", "d"), ExpectedHash: first.Events[^1].Hash), Ct);

        Assert.Equal([1L, 2L], first.Events.Select(e => e.Version));
        Assert.Equal([3L, 4L], second.Events.Select(e => e.Version));
        Assert.Equal(first.Events[^1].Hash, second.Events[0].PrevHash);
        Assert.Equal([.. first.Events, .. second.Events], await Store.ReadStreamAsync(stream, 1, 100, Ct));
        Assert.True((await Store.VerifyStreamAsync(stream, Ct)).IsValid);
    }

    [Fact]
    public async Task Append_with_a_stale_version_and_its_hash_throws_ConcurrencyException_and_writes_nothing()
    {
        var stream = NewStreamId();
        var first = await AppendAsync(stream, 0, "a");
        var second = await AppendAsync(stream, 1, "b");

        var behind = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(
            new AppendRequest(stream, 1, Events("c", "d"), ExpectedHash: first.Events[0].Hash), Ct));
        var asIfNew = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(
            new AppendRequest(stream, 0, Events("c"), ExpectedHash: new string('0', 64)), Ct));
        // A head the stream never had: ahead of it, or the right version with another hash.
        var ahead = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(
            new AppendRequest(stream, 5, Events("c"), ExpectedHash: second.Events[0].Hash), Ct));
        var wrongHash = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(
            new AppendRequest(stream, 2, Events("c", "d"), ExpectedHash: first.Events[0].Hash), Ct));

        Assert.Equal((stream, 1L), (behind.StreamId, behind.ExpectedVersion));
        Assert.Equal([0L, 5L, 2L], new[] { asIfNew, ahead, wrongHash }.Select(e => e.ExpectedVersion));
        Assert.Equal([.. first.Events, .. second.Events], await Store.ReadStreamAsync(stream, 1, 100, Ct));
        Assert.True((await Store.VerifyStreamAsync(stream, Ct)).IsValid);
    }

    [Fact]
    public async Task Append_with_no_events_throws_ArgumentException()
    {
        var stream = NewStreamId();

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(new AppendRequest(stream, 0, []), Ct));

        Assert.Equal(0, await Store.GetStreamVersionAsync(stream, Ct));
    }

    [Fact]
    public async Task Concurrent_appends_at_the_same_version_have_exactly_one_winner()
    {
        const int racers = 8;
        var stream = NewStreamId();
        await AppendAsync(stream, 0, "opening");
        await using var hold = await HoldAppendsAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = Enumerable.Range(0, racers).Select(async racer =>
        {
            await start.Task;
            return await Store.AppendAsync(
                new AppendRequest(stream, 1, Events($"racer {racer} #1", $"racer {racer} #2", $"racer {racer} #3"),
                    Projections: [hold.Write]), Ct);
        }).ToList();
        start.SetResult();
        await hold.WaitUntilBlockedAsync(racers, Ct);
        await hold.ReleaseAsync();
        var outcomes = await Task.WhenAll(attempts.Select(async a =>
        {
            try
            {
                return (Result: await a, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Result: (AppendResult?)null, Error: ex);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Result is not null).Result!;
        Assert.All(outcomes.Where(o => o.Result is null), o => Assert.IsType<ConcurrencyException>(o.Error));
        var stored = await Store.ReadStreamAsync(stream, 1, 100, Ct);
        Assert.Equal([1L, 2L, 3L, 4L], stored.Select(e => e.Version));
        Assert.Equal(winner.Events, stored.Skip(1));
        Assert.True((await Store.VerifyStreamAsync(stream, Ct)).IsValid);
    }

    [Fact]
    public async Task Projection_writes_commit_together_with_the_events()
    {
        var table = await CreateProjectionTableAsync();
        var stream = NewStreamId();

        await Store.AppendAsync(new AppendRequest(stream, 0, Events("a", "b"), Projections: Project(table, stream, 1, 2)), Ct);

        await using var connection = await Store.OpenConnectionAsync(Ct);
        Assert.Equal(2, await Db.CountAsync(connection, $"SELECT count(*) FROM {table} WHERE stream_id = @s", Ct, ("@s", stream)));
    }

    [Fact]
    public async Task Projection_write_failure_rolls_back_events_idempotency_key_and_the_other_writes()
    {
        var table = await CreateProjectionTableAsync();
        var stream = NewStreamId();
        var key = $"key-{Guid.NewGuid():N}";

        await Assert.ThrowsAnyAsync<DbException>(() => Store.AppendAsync(
            new AppendRequest(stream, 0, Events("a"), key, "first", [.. Project(table, stream, 1, 1), FailingWrite]), Ct));

        Assert.Equal(0, await Store.GetStreamVersionAsync(stream, Ct));
        Assert.Null(await Store.FindIdempotentResultAsync(key, Ct));
        await using (var connection = await Store.OpenConnectionAsync(Ct))
        {
            Assert.Equal(0, await Db.CountAsync(connection, $"SELECT count(*) FROM {table}", Ct));
        }

        // Nothing half-written: the same command can simply be sent again.
        var retry = await Store.AppendAsync(new AppendRequest(stream, 0, Events("a"), key, "first"), Ct);
        Assert.False(retry.Duplicate);
        Assert.Equal(1, retry.LastVersion);
    }

    [Fact]
    public async Task Vietnamese_text_round_trips_exactly()
    {
        var stream = NewStreamId("sitting/kỳ-họp-thứ-10");
        const string data = """{"text":"Bộ trưởng Bộ Y tế trả lời chất vấn","note":"Đại biểu Quốc hội tỉnh Hà Tĩnh; ưu tiên “khẩn”"}""";
        const string metadata = """{"actor":"Nguyễn Thị Ánh Tuyết"}""";

        await Store.AppendAsync(new AppendRequest(stream, 0, [new NewEvent("answer_given", data, metadata)]), Ct);

        var stored = Assert.Single(await Store.ReadStreamAsync(stream, 1, 10, Ct));
        Assert.Equal(stream, stored.StreamId);
        Assert.Equal(data, stored.Data);
        Assert.Equal(metadata, stored.Metadata);
        Assert.True((await Store.VerifyStreamAsync(stream, Ct)).IsValid);
    }

    [Fact]
    public async Task RecordedAt_is_truncated_to_microseconds_and_round_trips_exactly()
    {
        var stream = NewStreamId();
        Clock.Set(new DateTimeOffset(2025, 10, 20, 8, 30, 15, TimeSpan.Zero).AddTicks(1_234_567));

        var appended = await AppendAsync(stream, 0, "a");

        var expected = new DateTimeOffset(2025, 10, 20, 8, 30, 15, TimeSpan.Zero).AddTicks(1_234_560);
        var stored = Assert.Single(await Store.ReadStreamAsync(stream, 1, 10, Ct));
        Assert.Equal(expected, appended.Events[0].RecordedAt);
        Assert.Equal(expected.UtcTicks, stored.RecordedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.RecordedAt.Offset);
        Assert.True((await Store.VerifyStreamAsync(stream, Ct)).IsValid);
    }

    [Fact]
    public async Task ReadStream_starts_at_fromVersion_and_stops_at_maxCount()
    {
        var stream = NewStreamId();
        await AppendAsync(stream, 0, "1", "2", "3", "4", "5");

        var middle = await Store.ReadStreamAsync(stream, 2, 3, Ct);
        var past = await Store.ReadStreamAsync(stream, 6, 10, Ct);

        Assert.Equal([2L, 3L, 4L], middle.Select(e => e.Version));
        Assert.Empty(past);
    }

    private async Task<string> CreateProjectionTableAsync()
    {
        var table = $"projection_{Guid.NewGuid():N}";
        await using var connection = await Store.OpenConnectionAsync(Ct);
        await Db.ExecuteAsync(connection, null, $"CREATE TABLE {table} (stream_id TEXT NOT NULL, version BIGINT NOT NULL)", Ct);
        return table;
    }

    private static List<ProjectionWrite> Project(string table, string stream, long firstVersion, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ProjectionWrite(
            $"INSERT INTO {table} (stream_id, version) VALUES (@s, @v)", [("s", stream), ("v", firstVersion + i)]))];
}
