using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>
/// A sitting's history (/events) and transcript page by version: a cursor past the end is an empty page, a
/// negative one a 400, and a page with more after it says where the next one is in a <c>Link: rel="next"</c> header.
/// The tests only read, so they share one node.
/// </summary>
public sealed class HistoryPagingTests(SharedSqliteNode node) : IClassFixture<SharedSqliteNode>
{
    private SharedSqliteNode Node => node;

    [Theory]
    [InlineData("events")]
    [InlineData("transcript")]
    public async Task A_cursor_at_the_largest_version_is_an_empty_page_not_the_whole_history(string what)
    {
        using var http = Node.Anonymous();

        using var response = await GetPageAsync(http, $"/api/sittings/{PastDemoSitting}/{what}?after={long.MaxValue}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await ReadAsync(response)).GetArrayLength());
        Assert.False(response.Headers.Contains("Link"));
    }

    [Theory]
    [InlineData("events?after=-1")]
    [InlineData("transcript?after=-1")]
    [InlineData("transcript?upTo=-5")]
    [InlineData("events?limit=0")]
    [InlineData("events?limit=1001")]
    public async Task A_negative_cursor_or_a_bad_page_size_is_a_400_problem(string query)
    {
        using var http = Node.Anonymous();

        using var response = await GetPageAsync(http, $"/api/sittings/{PastDemoSitting}/{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await ReadAsync(response)).TryGetProperty("code", out _));
    }

    [Theory]
    [InlineData("events", 3)]
    [InlineData("transcript", 1)]
    public async Task Following_next_links_reads_every_version_once_and_the_last_page_has_no_link(string what, int limit)
    {
        using var http = Node.Anonymous();
        var whole = (await GetAsync(http, $"/api/sittings/{PastDemoSitting}/{what}")).EnumerateArray().Select(e => e.GetProperty("version").GetInt64()).ToList();
        Assert.True(whole.Count > limit, $"the demo's past sitting needs more than {limit} {what} for this test");

        var read = new List<long>();
        string? next = $"/api/sittings/{PastDemoSitting}/{what}?limit={limit}";
        var pages = 0;
        while (next is not null)
        {
            using var response = await GetPageAsync(http, next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            read.AddRange((await ReadAsync(response)).EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
            next = response.Headers.TryGetValues("Link", out var links) ? NextOf(links.Single()) : null;
            // A full last page of the transcript may link to an empty one: it cannot know no segment follows.
            Assert.True(++pages <= whole.Count + 1, "the next links do not end");
        }

        Assert.Equal(whole, read);
    }

    [Fact]
    public async Task The_whole_history_in_one_page_has_no_next_link()
    {
        using var http = Node.Anonymous();

        using var response = await GetPageAsync(http, $"/api/sittings/{PastDemoSitting}/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Link"));
    }

    private static string NextOf(string link)
    {
        Assert.EndsWith("rel=\"next\"", link, StringComparison.Ordinal);
        return link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)];
    }

    private static Task<HttpResponseMessage> GetPageAsync(HttpClient http, string path) => http.GetAsync(path, TestContext.Current.CancellationToken);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
