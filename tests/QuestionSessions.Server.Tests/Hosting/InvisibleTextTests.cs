using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// Text that says nothing (zero-width characters, NULs) is not text, and a name or a title holds no direction
/// overrides or isolates: posted to the write endpoints, each is a 4xx problem and nothing is written. The tests
/// are all refused, so they share one node.
/// </summary>
public sealed class InvisibleTextTests(SharedSqliteNode node) : IClassFixture<SharedSqliteNode>
{
    private SharedSqliteNode Node => node;

    public static TheoryData<string, string, string, string> Posts => new()
    {
        { "na-d-001", "/api/sittings/{sitting}/questions", """{"respondentId":"na-o-health","text":"\u200b\u200b\u2060"}""", "text" },
        { "na-d-001", "/api/sittings/{sitting}/questions", """{"respondentId":"na-o-health","text":"\u0000\u0000"}""", "text" },
        { "secretariat.na", "/api/sittings/{sitting}/transcript", """{"speakerName":"Chủ tọa","markdown":"\ufeff\u200d"}""", "markdown" },
        { "secretariat.na", "/api/sittings/{sitting}/transcript", """{"speakerName":"Chủ\u202e tọa","markdown":"Xin mời đại biểu."}""", "speakerName" },
        { "secretariat.na", "/api/sittings/{sitting}/commitments", """{"questionId":"0199a000-0000-7000-8000-0000000000aa","agencyId":"na-a-health","text":"\u200b","deadline":"2030-01-01"}""", "text" },
        { "secretariat.na", "/api/sittings", """{"bodyId":"na","title":"\u2066Phiên chất vấn\u2069","startsAt":"2030-01-01T02:00:00Z","clusters":[{"title":"Y tế","mainRespondentId":"na-o-health"}]}""", "title" },
        { "secretariat.na", "/api/sittings", """{"bodyId":"na","title":"Phiên chất vấn","startsAt":"2030-01-01T02:00:00Z","clusters":[{"title":"\u0000","mainRespondentId":"na-o-health"}]}""", "clusters[0].title" },
        { "", "/api/petitions", """{"bodyId":"na","field":"health","title":"\u200b\u200b","text":"Xin sửa trạm y tế xã","provinceId":"hue"}""", "title" },
        { "", "/api/petitions", """{"bodyId":"na","field":"health","title":"Trạm y tế\u202e","text":"Xin sửa trạm y tế xã","provinceId":"hue"}""", "title" },
        { "", "/api/petitions", """{"bodyId":"na","field":"health","title":"Trạm y tế","text":"Xin sửa trạm y tế xã","provinceId":"hue","petitioner":{"fullName":"Nguyễn\u202eVăn A"}}""", "petitioner.fullName" },
        { "", "/api/explanations", """{"agencyId":"hue-a-health","agencyBodyId":"pc-hue","kind":"person","represented":1,"representatives":1,"subject":"\u200b","matter":"Vì sao trạm y tế đóng cửa?","publish":false,"requester":{"fullName":"Nguyễn Văn A","contact":"0900000000"}}""", "subject" },
        { "", "/api/explanations", """{"agencyId":"hue-a-health","agencyBodyId":"pc-hue","kind":"person","represented":1,"representatives":1,"subject":"Trạm y tế","matter":"Vì sao trạm y tế đóng cửa?","publish":false,"requester":{"fullName":"\u2067Nguyễn Văn A","contact":"0900000000"}}""", "requester.fullName" },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Invisible_text_and_direction_controls_in_names_are_400_problems_and_nothing_is_written(string user, string path, string json, string field)
    {
        using var reader = Node.Anonymous();
        var versionBefore = await VersionAsync(reader, DemoSitting);
        var sittingsBefore = (await GetAsync(reader, "/api/sittings")).GetArrayLength();
        using var signedIn = user.Length > 0 ? await Node.SignInAsync(user) : null;
        var http = signedIn?.Http ?? reader;

        using var response = await http.PostAsync(
            path.Replace("{sitting}", DemoSitting.ToString(), StringComparison.Ordinal),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {text}");
        Assert.Equal(versionBefore, await VersionAsync(reader, DemoSitting));
        Assert.Equal(sittingsBefore, (await GetAsync(reader, "/api/sittings")).GetArrayLength());
    }

    [Fact]
    public async Task A_floor_question_of_NULs_reaches_the_decider_and_is_refused()
    {
        // RegisterRequest's text is optional, so only the decider can say it is empty.
        using var deputy = await Node.SignInAsync("na-d-001");
        var before = await VersionAsync(deputy.Http, DemoSitting);

        using var response = await deputy.Http.PostAsJsonAsync($"/api/sittings/{DemoSitting}/registrations",
            new { clusterId = HealthCluster, text = "\0\u200b\0" }, TestContext.Current.CancellationToken);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}");
        Assert.Equal(before, await VersionAsync(deputy.Http, DemoSitting));
    }
}
