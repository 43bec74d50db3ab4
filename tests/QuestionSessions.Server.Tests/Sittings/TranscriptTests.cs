using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>
/// The transcript is a projection beside the sitting, not part of its state: the sitting's view carries
/// only the count, and the text is read by pages up to the version a viewer loaded.
/// </summary>
public sealed class TranscriptTests : SqliteNodeTest
{
    [Fact]
    public async Task Transcript_pages_run_in_version_order_up_to_the_loaded_version()
    {
        using var secretariat = await Node.SignInAsync("secretariat.thuanhoa");
        var before = await VersionAsync(secretariat.Http, LiveDemoSitting);
        var existing = (await TranscriptAsync(secretariat.Http, LiveDemoSitting)).Count;
        var versions = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            versions.Add(AcceptedVersion(await SittingAsync(secretariat.Http, LiveDemoSitting, "/transcript",
                new { speakerName = "Thư ký", markdown = $"Đoạn {i}: đại biểu hỏi về **đất đai**" })));
        }

        var view = await SittingStateAsync(secretariat.Http, LiveDemoSitting);
        Assert.False(view.TryGetProperty("transcript", out _));
        Assert.Equal(existing + 5, view.GetProperty("transcriptSegments").GetInt32());

        var first = await GetAsync(secretariat.Http, $"/api/sittings/{LiveDemoSitting}/transcript?after={before}&limit=2");
        var last = first.EnumerateArray().Last().GetProperty("version").GetInt64();
        var rest = await GetAsync(secretariat.Http, $"/api/sittings/{LiveDemoSitting}/transcript?after={last}&upTo={versions[3]}");

        Assert.Equal(versions[..2], first.EnumerateArray().Select(s => s.GetProperty("version").GetInt64()));
        Assert.Equal(versions[2..4], rest.EnumerateArray().Select(s => s.GetProperty("version").GetInt64()));
        Assert.Equal("Đoạn 3: đại biểu hỏi về **đất đai**", rest.EnumerateArray().Last().GetProperty("markdown").GetString());
        Assert.Contains("<strong>đất đai</strong>", rest.EnumerateArray().Last().GetProperty("html").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("limit=-3")]
    public async Task A_page_size_out_of_range_is_a_bad_request(string query)
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync($"/api/sittings/{LiveDemoSitting}/transcript?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("page_size", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_transcript_of_an_unknown_sitting_is_not_found()
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync($"/api/sittings/{Guid.CreateVersion7()}/transcript", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_store_recorded_before_the_transcript_table_gets_its_rows_from_the_events()
    {
        using var http = Node.Anonymous();
        var published = await TranscriptAsync(http, PastDemoSitting);
        Assert.NotEmpty(published);
        var store = Node.Services.GetRequiredService<IEventStore>();
        await using (var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await using var wipe = connection.CreateCommand();
            wipe.CommandText = "DELETE FROM sitting_transcript";
            await wipe.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await TranscriptAsync(http, PastDemoSitting));

            await SittingTranscript.CreateTableAsync(connection, TestContext.Current.CancellationToken);
        }

        Assert.Equal(
            published.Select(s => (s.GetProperty("version").GetInt64(), s.GetProperty("segmentId").GetGuid(), s.GetProperty("markdown").GetString())),
            (await TranscriptAsync(http, PastDemoSitting)).Select(s => (s.GetProperty("version").GetInt64(), s.GetProperty("segmentId").GetGuid(), s.GetProperty("markdown").GetString())));
    }
}
