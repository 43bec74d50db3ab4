using System.Net;
using System.Text.Json;
using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Search;

/// <summary>The public search over HTTP on a node with the demo: questions, answers and commitments, typed without marks.</summary>
public sealed class SearchEndpointTests : SqliteNodeTest
{
    [Fact]
    public async Task Typed_without_marks_the_search_finds_the_demo_questions_answers_and_commitments()
    {
        using var http = Node.Anonymous();
        // The past sitting's commitments reach the ledger through the intake: wait for them like the ledger tests do.
        await Ledger.Eventually(http, "/api/commitments?body=pc-hue", page => page.GetProperty("total").GetInt32() >= 6);

        var flooding = await SearchAsync(http, "ngap sau hung vuong", "&kind=question");
        var question = Assert.Single(flooding.GetProperty("items").EnumerateArray());
        Assert.Equal("question", question.GetProperty("kind").GetString());
        Assert.Equal(PastDemoSitting.ToString(), question.GetProperty("parentId").GetString());
        Assert.StartsWith("Vì sao mỗi mùa mưa các tuyến đường Hùng Vương", question.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("hue", question.GetProperty("provinceId").GetString());
        // A voter's petition about the same street is found too, with the question, when no kind is asked.
        var both = await SearchAsync(http, "ngap sau hung vuong");
        Assert.Equal(["petition", "question"], both.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));

        var drainage = await SearchAsync(http, "thoat nuoc noi thanh");
        var kinds = drainage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()).ToList();
        Assert.Contains("answer", kinds);
        Assert.Contains("commitment", kinds);
        var answer = drainage.GetProperty("items").EnumerateArray().First(i => i.GetProperty("kind").GetString() == "answer");
        Assert.DoesNotContain("**", answer.GetProperty("excerpt").GetString(), StringComparison.Ordinal);
        Assert.Contains("Trương Công Định", answer.GetProperty("excerpt").GetString(), StringComparison.Ordinal);

        // A field is named as the petitions API names it, in any case.
        var land = await SearchAsync(http, "dat dai", "&field=land");
        Assert.All(land.GetProperty("items").EnumerateArray(), i => Assert.Equal("Land", i.GetProperty("field").GetString()));
        Assert.Equal(land.GetProperty("total").GetInt32(), (await SearchAsync(http, "dat dai", "&field=LAND")).GetProperty("total").GetInt32());
        Assert.True(land.GetProperty("total").GetInt32() >= 1);

        var onlyCommitments = await SearchAsync(http, "THUỐC", "&kind=commitment&body=pc-hue");
        Assert.All(onlyCommitments.GetProperty("items").EnumerateArray(), i => Assert.Equal("commitment", i.GetProperty("kind").GetString()));
        Assert.Contains(onlyCommitments.GetProperty("items").EnumerateArray(),
            i => i.GetProperty("title").GetString()!.StartsWith("Công khai danh mục thuốc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "q_required")]
    [InlineData("?q=", "q_required")]
    [InlineData("?q=dat&kind=everything", "bad_filter")]
    [InlineData("?q=dat&kind=1", "bad_filter")]
    [InlineData("?q=dat&province=atlantis", "bad_filter")]
    [InlineData("?q=dat&field=weather", "bad_filter")]
    [InlineData("?q=dat&field=1", "bad_filter")]
    [InlineData("?q=dat&limit=0", "page_size")]
    [InlineData("?q=dat&limit=51", "page_size")]
    [InlineData("?q=dat&offset=-1", "page_size")]
    [InlineData("?q=dat&limit=abc", null)]
    public async Task Bad_searches_get_a_problem_not_a_500(string query, string? code)
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync($"/api/search{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (code is not null)
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task A_query_longer_than_200_characters_is_refused()
    {
        using var http = Node.Anonymous();
        using var response = await http.GetAsync($"/api/search?q={new string('a', 201)}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<JsonElement> SearchAsync(HttpClient http, string q, string extra = "") =>
        GetAsync(http, $"/api/search?q={Uri.EscapeDataString(q)}{extra}");
}
