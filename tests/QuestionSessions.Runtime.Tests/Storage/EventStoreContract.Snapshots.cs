using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Snapshot_round_trips_and_a_newer_one_replaces_it()
    {
        var stream = NewStreamId();
        var takenAt = new DateTimeOffset(2025, 11, 22, 9, 0, 0, TimeSpan.Zero).AddTicks(7_654_321);

        await Store.SaveSnapshotAsync(new Snapshot(stream, 10, """{"speaker":"Bộ trưởng"}""", takenAt), Ct);
        var first = await Store.LoadSnapshotAsync(stream, Ct);
        await Store.SaveSnapshotAsync(new Snapshot(stream, 20, """{"speaker":"Thống đốc"}""", takenAt.AddMinutes(5)), Ct);
        var second = await Store.LoadSnapshotAsync(stream, Ct);

        // Stored to the microsecond, like recorded_at.
        Assert.Equal(new Snapshot(stream, 10, """{"speaker":"Bộ trưởng"}""", takenAt.AddTicks(-1)), first);
        Assert.Equal(new Snapshot(stream, 20, """{"speaker":"Thống đốc"}""", takenAt.AddMinutes(5).AddTicks(-1)), second);
        Assert.Null(await Store.LoadSnapshotAsync(NewStreamId(), Ct));
    }

    [Fact]
    public async Task Snapshot_older_than_the_stored_one_is_ignored()
    {
        var stream = NewStreamId();
        var takenAt = new DateTimeOffset(2025, 11, 22, 9, 0, 0, TimeSpan.Zero);
        await Store.SaveSnapshotAsync(new Snapshot(stream, 20, "new", takenAt), Ct);

        await Store.SaveSnapshotAsync(new Snapshot(stream, 10, "old", takenAt.AddMinutes(1)), Ct);

        Assert.Equal(new Snapshot(stream, 20, "new", takenAt), await Store.LoadSnapshotAsync(stream, Ct));
    }

    [Fact]
    public async Task ListStreams_returns_streams_with_the_prefix_in_id_order()
    {
        var prefix = $"body/{Guid.NewGuid():N}_pc";
        string[] mine = [$"{prefix}-ha-noi", $"{prefix}-an-giang", $"{prefix}/x", $"{prefix}-Z"];
        foreach (var stream in mine)
        {
            await AppendAsync(stream, 0, "a", "b");
        }

        // '_' must not act as a wildcard, and case matters.
        await AppendAsync(prefix.Replace("_pc", "Xpc", StringComparison.Ordinal) + "-hue", 0, "a");
        await AppendAsync(prefix.Replace("_pc", "_PC", StringComparison.Ordinal) + "-hue", 0, "a");

        var listed = await Store.ListStreamsAsync(prefix, Ct).ToListAsync(Ct);
        var all = await Store.ListStreamsAsync(null, Ct).ToListAsync(Ct);

        Assert.Equal(mine.Order(StringComparer.Ordinal), listed);
        Assert.Subset(all.ToHashSet(), mine.ToHashSet());
        Assert.Equal(all.Order(StringComparer.Ordinal), all);
    }
}
