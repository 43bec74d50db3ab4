using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>
/// The transcript is not part of the sitting's state: the sitting's view carries only the count, and the
/// text is read from the sitting's events by pages, up to the version a viewer loaded.
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
    public async Task A_page_is_the_same_whatever_chunks_the_stream_is_read_in()
    {
        var store = Node.Services.GetRequiredService<IEventStore>();
        var renderer = Node.Services.GetRequiredService<TranscriptRenderer>();
        var ct = TestContext.Current.CancellationToken;
        using var secretariat = await Node.SignInAsync("secretariat.thuanhoa");
        for (var i = 0; i < 4; i++)
        {
            // Segments between other events, so chunks end both on segments and between them.
            AcceptedVersion(await SittingAsync(secretariat.Http, LiveDemoSitting, "/transcript", new { speakerName = "Thư ký", markdown = $"Đoạn {i}" }));
            AcceptedVersion(await SittingAsync(secretariat.Http, LiveDemoSitting, "/video-stream", new { url = $"https://quochoi.vn/truc-tiep/{i}" }));
        }

        var whole = await SittingTranscript.ListAsync(store, renderer, LiveDemoSitting, 0, long.MaxValue, SittingTranscript.MaxPage, ct);
        Assert.True(whole.Count >= 4, $"The live demo sitting has {whole.Count} segments.");
        var chunked = await SittingTranscript.ListAsync(store, renderer, LiveDemoSitting, 0, long.MaxValue, SittingTranscript.MaxPage, ct, readChunk: 3);
        var firstTwo = await SittingTranscript.ListAsync(store, renderer, LiveDemoSitting, 0, long.MaxValue, 2, ct, readChunk: 3);
        var upToThird = await SittingTranscript.ListAsync(store, renderer, LiveDemoSitting, 0, whole[2].Version, SittingTranscript.MaxPage, ct, readChunk: 3);

        Assert.Equal(whole, chunked);
        Assert.Equal(whole.Take(2), firstTwo);
        Assert.Equal(whole.Take(3), upToThird);
    }
}
