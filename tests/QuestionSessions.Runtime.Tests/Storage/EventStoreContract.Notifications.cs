using System.Collections.Concurrent;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task StreamMoved_is_raised_after_commit_on_every_node()
    {
        var observer = StreamMovedCrossesNodes ? await OpenNodeAsync() : Store;
        var stream = NewStreamId();
        var seen = new TaskCompletionSource<(StreamMoved Moved, long VersionSeen)>(TaskCreationOptions.RunContinuationsAsynchronously);
        observer.StreamMoved += moved =>
        {
            if (moved.StreamId == stream)
            {
                // Readers go to the store when told: by now the commit must be visible to them.
                _ = Task.Run(async () => seen.TrySetResult((moved, await observer.GetStreamVersionAsync(stream, Ct))), Ct);
            }
        };
        await observer.StartListeningAsync(Ct);

        await AppendAsync(stream, 0, "a", "b");

        var (movedTo, versionSeen) = await seen.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(new StreamMoved(stream, 2), movedTo);
        Assert.Equal(2, versionSeen);
    }

    [Fact]
    public async Task StreamMoved_under_a_burst_reaches_every_streams_last_version_and_never_goes_back()
    {
        // Appends faster than the notifier sends: they are coalesced into batches (the highest version per
        // stream), so a node may skip versions, but it must end on each stream's last one, in order.
        const int streams = 6, appendsPerStream = 30;
        var observer = StreamMovedCrossesNodes ? await OpenNodeAsync() : Store;
        var ids = Enumerable.Range(0, streams).Select(_ => NewStreamId()).ToArray();
        var seen = ids.ToDictionary(id => id, _ => new ConcurrentQueue<long>());
        var marker = NewStreamId();
        var markerSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnMoved(StreamMoved moved)
        {
            if (seen.TryGetValue(moved.StreamId, out var versions))
            {
                versions.Enqueue(moved.Version);
            }
            else if (moved.StreamId == marker)
            {
                markerSeen.TrySetResult();
            }
        }

        observer.StreamMoved += OnMoved;
        try
        {
            await observer.StartListeningAsync(Ct);
            await Task.WhenAll(ids.Select(id => Task.Run(async () =>
            {
                for (var v = 0; v < appendsPerStream; v++)
                {
                    await AppendAsync(id, v, $"e{v}");
                }
            }, Ct)));

            // Batches arrive in order, so once a later append's batch is in, a stray lower version sent after
            // a stream's last would be in the lists too. (Within one batch the streams come in any order.)
            await AppendAsync(marker, 0, "marker");
            await markerSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (seen.Values.Any(v => !v.Contains(appendsPerStream)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, Ct);
            }
        }
        finally
        {
            observer.StreamMoved -= OnMoved;
        }

        foreach (var (_, versions) in seen)
        {
            var list = versions.ToList();
            Assert.NotEmpty(list);
            Assert.Equal(appendsPerStream, list[^1]);
            Assert.Equal(list.Order().ToList(), list);
            Assert.Equal(list.Count, list.Distinct().Count());
        }
    }

    [Fact]
    public async Task StreamMoved_is_not_raised_for_a_rolled_back_append()
    {
        var rolledBack = NewStreamId();
        var committed = NewStreamId();
        var seen = new ConcurrentQueue<StreamMoved>();
        var committedSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.StreamMoved += moved =>
        {
            seen.Enqueue(moved);
            if (moved.StreamId == committed)
            {
                committedSeen.TrySetResult();
            }
        };
        await Store.StartListeningAsync(Ct);

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Store.AppendAsync(new AppendRequest(
            rolledBack, 0, Events("a"), Projections: [FailingWrite]), Ct));
        await AppendAsync(committed, 0, "b");

        // Notifications arrive in commit order, so once the later one is in, the earlier would be too.
        await committedSeen.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.DoesNotContain(seen, m => m.StreamId == rolledBack);
    }

    [Fact]
    public async Task StreamMoved_subscriber_that_throws_neither_fails_the_append_nor_starves_others()
    {
        var stream = NewStreamId();
        var seen = new TaskCompletionSource<StreamMoved>(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.StreamMoved += _ => throw new InvalidOperationException("a broken subscriber");
        Store.StreamMoved += moved =>
        {
            if (moved.StreamId == stream)
            {
                seen.TrySetResult(moved);
            }
        };
        await Store.StartListeningAsync(Ct);

        var appended = await AppendAsync(stream, 0, "a");

        Assert.Equal(1, appended.LastVersion);
        Assert.Equal(new StreamMoved(stream, 1), await seen.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }
}
