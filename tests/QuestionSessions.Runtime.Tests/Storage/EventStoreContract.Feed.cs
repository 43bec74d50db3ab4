using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public abstract partial class EventStoreContract
{
    [Fact]
    public async Task Feed_returns_appends_in_commit_order_across_pages()
    {
        var head = await Store.GetFeedHeadAsync(Ct);
        var a = NewStreamId();
        var b = NewStreamId();
        await AppendAsync(a, 0, "a1", "a2");
        await AppendAsync(b, 0, "b1");
        await AppendAsync(a, 2, "a3");
        await AppendAsync(b, 1, "b2", "b3");

        var (entries, _) = await ReadFeedUntilAsync(head, [a, b], e => e.Count >= 6, pageSize: 2);

        Assert.Equal(["a1", "a2", "b1", "a3", "b2", "b3"], entries.Select(e => e.Event.Data[9..^2]));
        var cursors = entries.Select(e => e.Position).ToList();
        Assert.Equal(cursors.OrderBy(p => p.TransactionId).ThenBy(p => p.Position), cursors);
        Assert.All(entries, e => Assert.Equal(e.Event.Position, e.Position.Position));
    }

    [Fact]
    public async Task Feed_head_is_after_existing_events_and_before_new_ones()
    {
        var old = NewStreamId();
        await AppendAsync(old, 0, "before");
        var fresh = NewStreamId();

        var head = await Store.GetFeedHeadAsync(Ct);
        await AppendAsync(fresh, 0, "after");

        var (entries, next) = await ReadFeedUntilAsync(head, [old, fresh], e => e.Any(x => x.Event.StreamId == fresh));
        Assert.Single(entries, e => e.Event.StreamId == fresh);
        if (!WritersRunConcurrently)
        {
            // With concurrent writers the head may sit before an event that committed just before it
            // was taken (one of a transaction newer than another still open); it never sits after one.
            Assert.DoesNotContain(entries, e => e.Event.StreamId == old);
        }

        var later = await Store.ReadFeedAsync(next, 100, Ct);
        Assert.DoesNotContain(later.Entries, e => e.Event.StreamId == fresh || e.Event.StreamId == old);
    }

    [Fact]
    public async Task Feed_page_with_nothing_new_keeps_the_cursor()
    {
        await AppendAsync(NewStreamId(), 0, "a");
        var cursor = await Store.GetFeedHeadAsync(Ct);
        FeedPage page;
        while ((page = await Store.ReadFeedAsync(cursor, 100, Ct)).Entries.Count > 0)
        {
            cursor = page.Next;
        }

        Assert.Equal(cursor, page.Next);
    }

    [Fact]
    public async Task Feed_never_moves_past_an_append_that_has_not_committed()
    {
        var head = await Store.GetFeedHeadAsync(Ct);
        var a = NewStreamId();
        var b = NewStreamId();
        await using var hold = await HoldAppendsAsync();

        // A writes its event and then holds its transaction open.
        // On a thread of its own: SQLite waits for the held lock synchronously, inside the call.
        var appendA = Task.Run(() => Store.AppendAsync(new AppendRequest(a, 0, Events("a"), Projections: [hold.Write]), Ct), Ct);
        await hold.WaitUntilBlockedAsync(1, Ct);

        // B starts later. Where writers run concurrently it commits while A is still open; the
        // feed must still show neither, or a reader would move past A's position and never see A.
        var appendB = Task.Run(() => AppendAsync(b, 0, "b"), Ct);
        FeedPage whileOpen;
        try
        {
            if (WritersRunConcurrently)
            {
                await appendB.WaitAsync(TimeSpan.FromSeconds(10), Ct);
                Assert.Equal(1, await Store.GetStreamVersionAsync(b, Ct));
            }

            whileOpen = await Store.ReadFeedAsync(head, 1000, Ct);
            Assert.DoesNotContain(whileOpen.Entries, e => e.Event.StreamId == a || e.Event.StreamId == b);
        }
        finally
        {
            // Even when an assertion failed: an open transaction would hold back every later test.
            await hold.ReleaseAsync();
            await Task.WhenAll(appendA, appendB);
        }

        var (entries, _) = await ReadFeedUntilAsync(whileOpen.Next, [a, b], e => e.Count >= 2);
        Assert.Equal([a, b], entries.Select(e => e.Event.StreamId));
    }
}
