using System.Net;
using System.Text;
using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;
using static QuestionSessions.Server.Tests.Supervision.Topics;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>
/// Bad input to the supervision endpoints gets a problem (400 for a shape no request could have, 404 or 422 for
/// what the server or the rules refuse), never a 500, and nothing is written.
/// </summary>
public sealed class SupervisionBadInputTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Theory]
    [InlineData("/plan", "{not json", "unreadable_request")]
    [InlineData("/plan", "{\"outlineMarkdown\":\"x\",\"workingSessions\":[\"next week\"]}", "unreadable_request")]
    [InlineData("/plan", "{\"outlineMarkdown\":\"x\"}", "invalid_request")]
    [InlineData("/evidence", "{\"links\":[{\"kind\":\"letter\",\"id\":\"0199a000-0000-7000-8000-000000000001\"}]}", "unreadable_request")]
    [InlineData("/evidence", "{\"links\":null}", "invalid_request")]
    [InlineData("/visits", "{\"provinceId\":\"ha-noi\",\"notesMarkdown\":\"x\"}", "invalid_request")]
    [InlineData("/recommendations", "{\"text\":\"x\",\"agencyId\":\"na-a-health\",\"beforeSession\":500}", "invalid_request")]
    [InlineData("/resolution", "{\"reference\":\"NQ 1\"}", "invalid_request")]
    public async Task Malformed_bodies_are_400_problems(string route, string json, string code)
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var topicId = await DecideAsync(secretariat.Http);
        using var response = await secretariat.Http.PostAsync(
            $"/api/supervision/{topicId}{route}", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var http = Node.Anonymous();
        Assert.Equal(1, await TopicVersionAsync(http, topicId));
    }

    [Fact]
    public async Task A_decision_with_an_oversized_title_an_unknown_agency_or_body_writes_nothing()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var http = Node.Anonymous();
        var huge = await PostAsync(secretariat.Http, "/api/bodies/na/supervision", Decision(title: new string('x', 301)));
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.True(huge.Body.GetProperty("errors").TryGetProperty("title", out _));
        var unknown = await PostAsync(secretariat.Http, "/api/bodies/na/supervision", Decision(supervised: [new { agencyId = "na-a-nowhere" }]));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (unknown.Status, Code(unknown.Body)));
        var elsewhere = await PostAsync(secretariat.Http, "/api/bodies/na/supervision", Decision(supervised: [new { agencyId = "hue-a-health" }]));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (elsewhere.Status, Code(elsewhere.Body)));
        var none = await PostAsync(secretariat.Http, "/api/bodies/na/supervision", Decision(supervised: []));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "supervised_agencies"), (none.Status, Code(none.Body)));
        var noBody = await PostAsync(secretariat.Http, "/api/bodies/nowhere/supervision", Decision());
        Assert.Equal((HttpStatusCode.NotFound, "body_not_found"), (noBody.Status, Code(noBody.Body)));
        Assert.Equal(0, (await GetAsync(http, "/api/supervision")).GetProperty("total").GetInt32());

        foreach (var query in (string[])["stage=shouting", "stage=1", "stage=none", "limit=0", "limit=201", "offset=-1"])
        {
            using var bad = await http.GetAsync($"/api/supervision?{query}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using var missing = await http.GetAsync($"/api/supervision/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var nothing = await PostAsync(secretariat.Http, $"/api/supervision/{Guid.NewGuid()}/plan", new { outlineMarkdown = "x", workingSessions = new[] { Day(_clock, 20) } });
        Assert.Equal((HttpStatusCode.NotFound, "topic_not_found"), (nothing.Status, Code(nothing.Body)));
    }

    [Fact]
    public async Task Evidence_that_does_not_exist_is_422_and_nothing_is_linked()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var http = Node.Anonymous();
        var demo = await Ledger.Eventually(http, "/api/commitments?body=na", p => p.GetProperty("total").GetInt32() >= 1);
        var real = demo.GetProperty("items")[0].GetProperty("commitmentId").GetGuid();
        var topicId = await DecideAsync(secretariat.Http);
        var path = $"/api/supervision/{topicId}/evidence";

        var ghost = Guid.NewGuid();
        foreach (var kind in (string[])["petition", "commitment"])
        {
            var refused = await PostAsync(secretariat.Http, path, new { links = new object[] { new { kind = "commitment", id = real }, new { kind, id = ghost } } });
            Assert.Equal((HttpStatusCode.UnprocessableEntity, "evidence_not_found"), (refused.Status, Code(refused.Body)));
            Assert.Contains(ghost.ToString(), refused.Body.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        }

        // A commitment's id given as a petition's is not a petition.
        var wrongKind = await PostAsync(secretariat.Http, path, new { links = new[] { new { kind = "petition", id = real } } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "evidence_not_found"), (wrongKind.Status, Code(wrongKind.Body)));
        var empty = await PostAsync(secretariat.Http, path, new { links = Array.Empty<object>() });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "evidence_links"), (empty.Status, Code(empty.Body)));
        Assert.Equal(1, await TopicVersionAsync(http, topicId));
        Assert.Empty((await DetailAsync(http, topicId)).GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task A_programme_too_late_a_visit_in_the_future_and_a_recommendation_outside_the_body_are_refused()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var supervisor = await Node.SignInAsync("supervisor.na");
        using var http = Node.Anonymous();
        var topicId = await DecideAsync(secretariat.Http, Decision(supervised: [new { agencyId = "na-a-health" }, new { agencyId = "hue-a-health", bodyId = "pc-hue" }]));
        var path = $"/api/supervision/{topicId}";
        var supervised = (await DetailAsync(http, topicId)).GetProperty("topic").GetProperty("supervised");
        Assert.Equal("pc-hue", supervised[1].GetProperty("agencyBodyId").GetString());

        var tooSoon = await PostAsync(supervisor.Http, $"{path}/plan", new { outlineMarkdown = "Đề cương", workingSessions = new[] { Day(_clock, 9) } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "programme_too_late"), (tooSoon.Status, Code(tooSoon.Body)));
        var tooEarly = await PostAsync(supervisor.Http, $"{path}/findings", new { markdown = "Phát hiện" });
        Assert.Equal((HttpStatusCode.Conflict, "stage_too_early"), (tooEarly.Status, Code(tooEarly.Body)));
        Assert.Equal(1, await TopicVersionAsync(http, topicId));

        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/plan", new { outlineMarkdown = "Đề cương", workingSessions = new[] { Day(_clock, 10) } }));
        var future = await PostAsync(supervisor.Http, $"{path}/visits", new { date = Day(_clock, 1), provinceId = "ha-noi", notesMarkdown = "Ghi chép" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "visit_in_future"), (future.Status, Code(future.Body)));
        var nowhere = await PostAsync(supervisor.Http, $"{path}/visits", new { date = Day(_clock, 0), provinceId = "atlantis", notesMarkdown = "Ghi chép" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "locality"), (nowhere.Status, Code(nowhere.Body)));
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/visits", new { date = Day(_clock, 0), provinceId = "ha-noi", notesMarkdown = "Ghi chép" }));
        var version = await TopicVersionAsync(http, topicId);

        var recommendation = new { text = "Bảo đảm đủ thuốc", agencyId = "hue-a-health", agencyBodyId = (string?)null, deadline = (string?)Day(_clock, 90), beforeSession = (int?)null };
        foreach (var (request, status, code) in new (object, HttpStatusCode, string)[]
        {
            (recommendation, HttpStatusCode.UnprocessableEntity, "agency_not_in_body"),
            (recommendation with { agencyBodyId = "pc-hue" }, HttpStatusCode.UnprocessableEntity, "agency_not_in_body"),
            (recommendation with { agencyId = "na-a-nowhere" }, HttpStatusCode.UnprocessableEntity, "agency_not_found"),
            (recommendation with { agencyId = "na-a-health", deadline = (string?)null }, HttpStatusCode.UnprocessableEntity, "deadline_required"),
            (recommendation with { agencyId = "na-a-health", beforeSession = (int?)3 }, HttpStatusCode.UnprocessableEntity, "deadline_required"),
            (recommendation with { agencyId = "na-a-health", deadline = (string?)null, beforeSession = (int?)9 }, HttpStatusCode.UnprocessableEntity, "session_not_found"),
            (recommendation with { agencyId = "na-a-health", deadline = (string?)Day(_clock, 0) }, HttpStatusCode.UnprocessableEntity, "deadline_not_future"),
            (new { text = "Bảo đảm đủ thuốc", agencyId = "na-a-health", deadline = Day(_clock, 90), findingIds = new[] { Guid.NewGuid() } }, HttpStatusCode.NotFound, "finding_not_found"),
        })
        {
            var refused = await PostAsync(supervisor.Http, $"{path}/recommendations", request);
            Assert.Equal((status, code), (refused.Status, Code(refused.Body)));
        }

        var noTopic = await PostAsync(supervisor.Http, $"/api/supervision/{Guid.NewGuid()}/recommendations", recommendation with { agencyId = "na-a-health" });
        Assert.Equal((HttpStatusCode.NotFound, "topic_not_found"), (noTopic.Status, Code(noTopic.Body)));
        Assert.Equal(version, await TopicVersionAsync(http, topicId));
    }
}
