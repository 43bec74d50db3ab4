using System.Net;
using System.Text;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// What an attacker or a careless client sends to the write endpoints: nulls inside lists, dates at the ends of
/// the calendar, bodies of the wrong type or none. Each gets a 4xx problem naming the field, never a 500, and
/// nothing is written. The tests are refused, or (the optional bodies) accepted or refused alike, so they share one node.
/// </summary>
public sealed class RequestShapeTests(SharedSqliteNode node) : IClassFixture<SharedSqliteNode>
{
    private SharedSqliteNode Node => node;

    private const string Cluster = """{"title":"Y tế cơ sở","mainRespondentId":"na-o-health"}""";

    [Theory]
    [InlineData("/api/sittings", $$"""{"bodyId":"na","title":"Phiên chất vấn","startsAt":"9999-12-31T23:59:59Z","clusters":[{{Cluster}}]}""", "startsAt")]
    [InlineData("/api/sittings", $$"""{"bodyId":"na","title":"Phiên chất vấn","startsAt":"1900-01-01T00:00:00Z","clusters":[{{Cluster}}]}""", "startsAt")]
    [InlineData("/api/sittings", """{"bodyId":"na","title":"Phiên chất vấn","startsAt":"2030-01-01T02:00:00Z","clusters":[null]}""", "clusters[0]")]
    [InlineData("/api/sittings", """{"bodyId":"na","title":"Phiên chất vấn","startsAt":"2030-01-01T02:00:00Z","clusters":[{"title":"Y tế","mainRespondentId":"na-o-health","relatedRespondentIds":["na-o-finance",null]}]}""", "clusters[0].relatedRespondentIds[1]")]
    [InlineData("/api/sittings/{sitting}/commitments", """{"questionId":"{id}","agencyId":"na-a-health","text":"Hoàn thành trạm y tế","deadline":"9999-12-31"}""", "deadline")]
    [InlineData("/api/commitments/{id}/deadline", """{"date":"0001-01-01","reason":"Lùi hạn"}""", "date")]
    [InlineData("/api/commitments/{id}/progress", """{"markdown":"Đã xong một nửa","evidence":[null]}""", "evidence[0]")]
    [InlineData("/api/bodies/na/contact-meetings", """{"date":"2030-01-01","timing":"beforeSession","provinceId":"hue","petitions":[null]}""", "petitions[0]")]
    [InlineData("/api/bodies/na/contact-meetings", """{"date":"9999-12-31","timing":"beforeSession","provinceId":"hue","petitions":[{"field":"health","title":"Trạm y tế","text":"Xin sửa trạm y tế xã","supporters":3}]}""", "date")]
    [InlineData("/api/bodies/na/supervision", """{"title":"Giám sát","scopeMarkdown":"Phạm vi","assignedTo":"Ủy ban","supervised":[null]}""", "supervised[0]")]
    [InlineData("/api/supervision/{id}/evidence", """{"links":[null]}""", "links[0]")]
    [InlineData("/api/supervision/{id}/plan", """{"outlineMarkdown":"Kế hoạch","workingSessions":["9999-12-31"]}""", "workingSessions[0]")]
    [InlineData("/api/bodies/na/resolutions", """{"number":"01/NQ","title":"Nghị quyết","adoptedOn":"9999-12-31","markdown":"1. Điều một"}""", "adoptedOn")]
    [InlineData("/api/explanations/{id}/meetings", """{"date":"1999-12-31","minutesMarkdown":"Biên bản"}""", "date")]
    public async Task Nulls_in_lists_and_dates_off_the_calendar_are_400_problems_naming_the_field(string path, string json, string field)
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var sittingsBefore = (await GetAsync(secretariat.Http, "/api/sittings")).GetArrayLength();
        var versionBefore = await VersionAsync(secretariat.Http, DemoSitting);

        using var response = await PostJsonAsync(secretariat.Http, path.Replace("{sitting}", DemoSitting.ToString(), StringComparison.Ordinal), json);

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {body}");
        Assert.Equal(sittingsBefore, (await GetAsync(secretariat.Http, "/api/sittings")).GetArrayLength());
        Assert.Equal(versionBefore, await VersionAsync(secretariat.Http, DemoSitting));
    }

    [Theory]
    [InlineData("/open")]
    [InlineData("/speakers/next")]
    public async Task A_command_whose_body_is_optional_is_taken_without_a_body_or_a_content_type(string action)
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sittings/{DemoSitting}{action}");

        using var response = await chair.Http.SendAsync(request, TestContext.Current.CancellationToken);

        // Accepted, or refused by the sitting's rules: either way the decider heard it, which a 404 or 415 would not say.
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {text}");
    }

    [Theory]
    [InlineData("/api/sittings/{sitting}/transcript")]
    [InlineData("/api/sittings/{sitting}/questions")]
    [InlineData("/api/sittings/{sitting}/speakers/next")]
    [InlineData("/api/commitments/{id}/progress")]
    [InlineData("/api/bodies/na/supervision")]
    public async Task A_form_posted_to_a_JSON_endpoint_is_415(string path)
    {
        using var chair = await Node.SignInAsync("chair.na");
        var before = await VersionAsync(chair.Http, DemoSitting);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["speakerName"] = "Chủ tọa", ["markdown"] = "Xin mời" });

        using var response = await chair.Http.PostAsync(
            path.Replace("{sitting}", DemoSitting.ToString(), StringComparison.Ordinal).Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
            form, TestContext.Current.CancellationToken);

        var body = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("unsupported_media_type", body.GetProperty("code").GetString());
        Assert.Equal(before, await VersionAsync(chair.Http, DemoSitting));
    }

    [Fact]
    public async Task A_command_whose_body_is_required_is_a_400_without_one()
    {
        using var chair = await Node.SignInAsync("chair.na");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sittings/{DemoSitting}/transcript");

        using var response = await chair.Http.SendAsync(request, TestContext.Current.CancellationToken);

        var body = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("unreadable_request", body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_API_path_is_still_a_404_problem_with_a_code()
    {
        using var chair = await Node.SignInAsync("chair.na");

        using var response = await chair.Http.PostAsync("/api/no-such-thing", new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var body = await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("not_found", body.GetProperty("code").GetString());
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient http, string path, string json) =>
        http.PostAsync(
            path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal),
            new StringContent(json.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
