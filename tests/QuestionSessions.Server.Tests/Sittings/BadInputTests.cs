using System.Net;
using System.Text;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>Bad input gets a clear problem response, never a 500, and nothing is written.</summary>
public sealed class BadInputTests : SqliteNodeTest
{
    [Theory]
    [InlineData("/turns", "{not json", "unreadable_request")]
    [InlineData("/turns", "{\"kind\":\"shouting\"}", "unreadable_request")]
    [InlineData("/speakers/next", "{\"count\":\"three\"}", "unreadable_request")]
    [InlineData("/speakers/next", "{\"count\":50}", "invalid_request")]
    [InlineData("/transcript", "{\"speakerName\":\"\",\"markdown\":\"x\"}", "invalid_request")]
    [InlineData("/related-respondents", "{}", "invalid_request")]
    public async Task Malformed_bodies_are_400_problems(string route, string json, string code)
    {
        using var chair = await Node.SignInAsync("chair.na");
        var before = await VersionAsync(chair.Http, DemoSitting);
        using var response = await chair.Http.PostAsync($"/api/sittings/{DemoSitting}{route}", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
    }

    [Fact]
    public async Task An_oversized_question_is_refused()
    {
        using var deputy = await Node.SignInAsync("na-d-001");
        var (status, body) = await SittingAsync(deputy.Http, DemoSitting, "/questions",
            new { clusterId = HealthCluster, respondentId = "na-o-health", text = new string('x', 4_001) });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task A_malformed_If_Match_is_a_400()
    {
        using var chair = await Node.SignInAsync("chair.na");
        var (status, body) = await SittingAsync(chair.Http, DemoSitting, "/open", null, new Dictionary<string, string> { ["If-Match"] = "\"yesterday\"" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("bad_header", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_question_to_an_official_outside_the_body_is_422()
    {
        using var deputy = await Node.SignInAsync("na-d-001");
        var (status, body) = await SittingAsync(deputy.Http, DemoSitting, "/questions", new { respondentId = "hue-o-chair", text = "Câu hỏi nhầm cơ quan" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("respondent_unknown", body.GetProperty("code").GetString());
    }
}
