using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Grains.Tests.Infrastructure;
using static QuestionSessions.Grains.Tests.Sittings.SittingScript;

namespace QuestionSessions.Grains.Tests.Sittings;

/// <summary>
/// With no retries allowed, a grain whose append loses the race on the expected version (another writer
/// appended first) answers Busy and writes nothing: the safety net under Orleans' single activation.
/// </summary>
public sealed class LostRaceTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-grains-").FullName;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private GrainCluster _cluster = null!;

    public async ValueTask InitializeAsync() =>
        _cluster = await GrainCluster.StartAsync("Sqlite", $"Data Source={Path.Combine(_folder, "qs.db")}", 1, ("Aggregates:MaxConcurrencyRetries", "0"));

    public async ValueTask DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task An_append_that_loses_every_race_is_answered_busy_and_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.CreateVersion7();
        var sitting = _cluster.Sitting(id);
        Assert.Equal(CommandOutcome.Accepted, (await sitting.ExecuteAsync(Schedule(id, _now), CommandOptions.None, ct)).Outcome);
        Assert.Equal(CommandOutcome.Accepted, (await sitting.ExecuteAsync(new OpenSitting(Chair, _now), CommandOptions.None, ct)).Outcome);
        await _cluster.Store.AppendAsync(new Runtime.Storage.AppendRequest(SittingGrain.StreamId(id), 2,
            [new Runtime.Storage.NewEvent("video_stream_set", $$"""{"url":null,"by":{"userId":"sec","name":"Thư ký"},"at":"{{_now:O}}"}""", "{}")]), ct);

        var busy = await sitting.ExecuteAsync(Segment("thua", _now), CommandOptions.None, ct);
        var next = await sitting.ExecuteAsync(Segment("lần sau", _now), CommandOptions.None, ct);

        Assert.Equal(CommandOutcome.Busy, busy.Outcome);
        Assert.Equal(3, busy.Version);
        // The grain loaded what the other writer appended; the next command lands after it.
        Assert.Equal(CommandOutcome.Accepted, next.Outcome);
        Assert.Equal(4, next.Version);
        var stored = await _cluster.Store.ReadStreamAsync(SittingGrain.StreamId(id), 1, 10, ct);
        Assert.Equal(["sitting_scheduled", "sitting_opened", "video_stream_set", "transcript_segment_published"], stored.Select(e => e.Type));
    }
}
