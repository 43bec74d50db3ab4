namespace QuestionSessions.Runtime.Tests.Storage;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task VerifyStream_accepts_an_untouched_chain()
    {
        var stream = NewStreamId();
        await AppendAsync(stream, 0, "a", "b");
        await AppendAsync(stream, 2, "c");

        var report = await Store.VerifyStreamAsync(stream, Ct);

        Assert.True(report.IsValid, report.Reason);
        Assert.Equal(3, report.EventsChecked);
        var events = await Store.ReadStreamAsync(stream, 1, 10, Ct);
        Assert.Equal(new string('0', 64), events[0].PrevHash);
        Assert.Equal(events[0].Hash, events[1].PrevHash);
        Assert.Equal(events[1].Hash, events[2].PrevHash);
        Assert.All(events, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
    }

    [Fact]
    public async Task VerifyStream_names_the_version_whose_data_was_changed()
    {
        var stream = NewStreamId();
        await AppendAsync(stream, 0, "a", "b", "c");
        await using (var connection = await Store.OpenConnectionAsync(Ct))
        {
            var changed = await Db.ExecuteAsync(connection, null,
                "UPDATE events SET data = @d WHERE stream_id = @s AND version = 2", Ct,
                ("@d", """{"text":"rewritten"}"""), ("@s", stream));
            Assert.Equal(1, changed);
        }

        var report = await Store.VerifyStreamAsync(stream, Ct);

        Assert.False(report.IsValid);
        Assert.Equal(2, report.FirstBrokenVersion);
        Assert.Contains("hash", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyStream_names_a_missing_version()
    {
        var stream = NewStreamId();
        await AppendAsync(stream, 0, "a", "b", "c");
        await using (var connection = await Store.OpenConnectionAsync(Ct))
        {
            await Db.ExecuteAsync(connection, null, "DELETE FROM events WHERE stream_id = @s AND version = 2", Ct, ("@s", stream));
        }

        var report = await Store.VerifyStreamAsync(stream, Ct);

        Assert.Equal(2, report.FirstBrokenVersion);
        Assert.Contains("missing", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyStream_of_an_unknown_stream_is_valid_and_empty()
    {
        var report = await Store.VerifyStreamAsync(NewStreamId(), Ct);

        Assert.True(report.IsValid);
        Assert.Equal(0, report.EventsChecked);
    }
}
