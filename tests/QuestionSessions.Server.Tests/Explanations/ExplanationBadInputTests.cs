using System.Net;
using System.Text;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Server.Tests.Commitments;
using static QuestionSessions.Server.Tests.Explanations.Requests;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Explanations;

/// <summary>Bad input to the explanation API gets a clear problem, never a 500, and writes nothing: no request, no personal data.</summary>
public sealed class ExplanationBadInputTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--RateLimits:PublicFilingPerMinute=1000"];

    [Theory]
    [InlineData("{not json", "unreadable_request")]
    [InlineData("""{"agencyId":"na-a-health","agencyBodyId":"na","kind":"alien","represented":1,"representatives":1,"subject":"S","matter":"M","publish":true,"requester":{"fullName":"A","contact":"B"}}""", "unreadable_request")]
    [InlineData("""{"agencyId":"na-a-health","agencyBodyId":"na","kind":"person","represented":"one","representatives":1,"subject":"S","matter":"M","publish":true,"requester":{"fullName":"A","contact":"B"}}""", "unreadable_request")]
    [InlineData("""{"agencyId":"na-a-health","agencyBodyId":"na","kind":"person","represented":1,"representatives":1,"subject":"S","matter":"M","publish":true}""", "invalid_request")]
    [InlineData("""{"agencyId":"na-a-health","agencyBodyId":"na","kind":"person","represented":1,"representatives":1,"subject":"S","matter":"M","publish":true,"requester":{"fullName":"","contact":"B"}}""", "invalid_request")]
    [InlineData("""{"agencyId":"na-a-health","agencyBodyId":"na","kind":"person","represented":0,"representatives":1,"subject":"S","matter":"M","publish":true,"requester":{"fullName":"A","contact":"B"}}""", "invalid_request")]
    public async Task Malformed_filings_are_400_problems_and_keep_nothing(string json, string code)
    {
        using var http = Node.Anonymous();
        var people = await RowsAsync(Node, "personal_data");
        using var response = await http.PostAsync("/api/explanations", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(people, await RowsAsync(Node, "personal_data"));
        Assert.Equal(0, await RowsAsync(Node, "explanation_directory"));
    }

    [Fact]
    public async Task Oversized_fields_name_the_field_at_fault()
    {
        using var http = Node.Anonymous();
        var subject = await PostAsync(http, "/api/explanations", Body(subject: new string('x', 201)));
        Assert.Equal(HttpStatusCode.BadRequest, subject.Status);
        Assert.True(subject.Body.GetProperty("errors").TryGetProperty("subject", out _));
        var name = await PostAsync(http, "/api/explanations", Body(name: new string('y', 201), contact: ""));
        Assert.Equal(HttpStatusCode.BadRequest, name.Status);
        var errors = name.Body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("requester.fullName", out _), errors.GetRawText());
        Assert.True(errors.TryGetProperty("requester.contact", out _), errors.GetRawText());
        var matter = await PostAsync(http, "/api/explanations", Body(matter: new string('x', 8_001)));
        Assert.Equal(HttpStatusCode.BadRequest, matter.Status);
        Assert.Equal(0, await RowsAsync(Node, "explanation_directory"));
    }

    [Fact]
    public async Task Filings_the_rules_refuse_are_422_and_keep_no_personal_data()
    {
        using var http = Node.Anonymous();
        var people = await RowsAsync(Node, "personal_data");
        var unknown = await PostAsync(http, "/api/explanations", Body(agencyId: "na-a-nowhere"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (unknown.Status, Code(unknown.Body)));
        var elsewhere = await PostAsync(http, "/api/explanations", Body(agencyId: "hue-a-health", agencyBodyId: "na"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (elsewhere.Status, Code(elsewhere.Body)));
        var noBody = await PostAsync(http, "/api/explanations", Body(agencyBodyId: "nowhere"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "agency_not_found"), (noBody.Status, Code(noBody.Body)));
        // One person signs for themself: three representatives for one is refused by the decider, after the details were saved.
        var representatives = await PostAsync(http, "/api/explanations", Body(represented: 1, representatives: 3));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "representatives"), (representatives.Status, Code(representatives.Body)));
        var blank = await PostAsync(http, "/api/explanations", Body(subject: "   "));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (blank.Status, Code(blank.Body)));
        var many = await PostAsync(http, "/api/explanations", Body(represented: 10, representatives: 5));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "representatives"), (many.Status, Code(many.Body)));
        var key = await PostAsync(http, "/api/explanations", Body(), new Dictionary<string, string> { ["Idempotency-Key"] = new string('k', 201) });
        Assert.Equal((HttpStatusCode.BadRequest, "bad_header"), (key.Status, Code(key.Body)));

        Assert.Equal(people, await RowsAsync(Node, "personal_data"));
        Assert.Equal(0, await RowsAsync(Node, "explanation_directory"));
    }

    [Fact]
    public async Task Bad_steps_and_filters_are_problems_and_change_nothing()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http);
        using var officer = await Node.SignInAsync("officer.na-health");

        var ground = await PostAsync(officer.Http, $"{filed.Path}/refusal", new { ground = "boredom", reason = "Không" });
        Assert.Equal((HttpStatusCode.BadRequest, "unreadable_request"), (ground.Status, Code(ground.Body)));
        var longer = await PostAsync(officer.Http, $"{filed.Path}/extension", new { reason = "Phức tạp", days = 16 });
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (longer.Status, Code(longer.Body)));
        var notYet = await PostAsync(officer.Http, $"{filed.Path}/extension", new { reason = "Phức tạp", days = 5 });
        Assert.Equal((HttpStatusCode.Conflict, "not_accepted"), (notYet.Status, Code(notYet.Body)));
        var noReason = await PostAsync(officer.Http, $"{filed.Path}/refusal", new { ground = "other", reason = " " });
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (noReason.Status, Code(noReason.Body)));
        var unknownGround = await PostAsync(officer.Http, $"{filed.Path}/refusal", new { ground = 42, reason = "Không" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown_value"), (unknownGround.Status, Code(unknownGround.Body)));
        var future = await PostAsync(officer.Http, $"{filed.Path}/meetings", new { date = "2099-01-01", minutesMarkdown = "Biên bản" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "meeting_in_future"), (future.Status, Code(future.Body)));
        var rating = await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "thrilled" }, filed.SecretHeader);
        Assert.Equal((HttpStatusCode.BadRequest, "unreadable_request"), (rating.Status, Code(rating.Body)));
        var comment = await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "satisfied", comment = new string('c', 1_001) }, filed.SecretHeader);
        Assert.Equal(HttpStatusCode.BadRequest, comment.Status);
        Assert.Equal(1, await StreamVersionAsync(Node, filed.RequestId));

        foreach (var query in (string[])["status=lost", "status=1", "status=none", "window=soon", "limit=0", "limit=101", "offset=-1"])
        {
            var (status, body) = await ReadAsync(http, $"/api/explanations?{query}");
            Assert.True(status == HttpStatusCode.BadRequest, $"{query}: {(int)status}");
            Assert.NotNull(Code(body));
        }
    }
}
