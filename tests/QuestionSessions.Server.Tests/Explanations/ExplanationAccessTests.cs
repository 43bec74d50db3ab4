using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Grains.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Server.Tests.Commitments;
using static QuestionSessions.Server.Tests.Explanations.Requests;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Explanations;

/// <summary>
/// Who may do and see what of a request: only the current agency's officers take its steps; the agency side
/// (those officers, the secretariat of its body, administrators) sees it whole and sees who asked; the requester
/// sees it by their secret or their account; everyone else sees a published request without its requester, and of
/// an unpublished one not even that it exists. Every refusal writes nothing.
/// </summary>
public sealed class ExplanationAccessTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--RateLimits:PublicFilingPerMinute=1000"];

    [Fact]
    public async Task Only_the_agencys_officers_take_the_steps()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http, Body(publish: false));
        string[] steps = ["/acceptance", "/refusal", "/redirection", "/extension", "/meetings", "/explanation"];
        object[] bodies =
        [
            new { }, new { ground = "notDirectlyAffected", reason = "Không ảnh hưởng trực tiếp" },
            new { agencyId = "na-a-finance", agencyBodyId = "na", reason = "Thuộc Bộ Tài chính" }, new { reason = "Phức tạp", days = 5 },
            new { date = "2026-01-01", minutesMarkdown = "Biên bản" }, new { markdown = "Giải trình", legalBasis = "Luật" },
        ];

        for (var i = 0; i < steps.Length; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, $"{filed.Path}{steps[i]}", bodies[i])).Status);
        }

        foreach (var username in (string[])["voter", "officer.hue-health", "secretariat.na", "supervisor.na", "admin"])
        {
            using var other = await Node.SignInAsync(username);
            var denied = await PostAsync(other.Http, $"{filed.Path}/acceptance");
            Assert.Equal((HttpStatusCode.Forbidden, "agency_officer_required"), (denied.Status, Code(denied.Body)));
            var refused = await PostAsync(other.Http, $"{filed.Path}/refusal", bodies[1]);
            Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        }

        Assert.Equal(1, await StreamVersionAsync(Node, filed.RequestId));
        using var officer = await Node.SignInAsync("officer.na-health");
        var missing = await PostAsync(officer.Http, $"/api/explanations/{Guid.NewGuid()}/acceptance");
        Assert.Equal((HttpStatusCode.NotFound, "request_not_found"), (missing.Status, Code(missing.Body)));
    }

    [Fact]
    public async Task Only_an_officer_of_the_agency_takes_a_request_down_in_person()
    {
        using var http = Node.Anonymous();
        var body = Body(publish: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, "/api/explanations/in-person", body)).Status);
        var people = await RowsAsync(Node, "personal_data");
        foreach (var username in (string[])["voter", "officer.hue-health", "secretariat.na"])
        {
            using var other = await Node.SignInAsync(username);
            var denied = await PostAsync(other.Http, "/api/explanations/in-person", body);
            Assert.Equal((HttpStatusCode.Forbidden, "agency_officer_required"), (denied.Status, Code(denied.Body)));
        }

        // Nothing is kept of a filing that was refused.
        Assert.Equal(people, await RowsAsync(Node, "personal_data"));
        Assert.Equal(0, await RowsAsync(Node, "explanation_directory"));

        using var officer = await Node.SignInAsync("officer.na-health");
        var taken = await FileAsync(officer.Http, body, path: "/api/explanations/in-person");
        var view = (await ReadAsync(officer.Http, taken.Path)).Body;
        Assert.Equal("inPerson", view.GetProperty("channel").GetString());
        // The officer is not the requester: only the secret, handed to the requester, opens the requester's view.
        Assert.Equal("agency", (await ReadAsync(officer.Http, taken.ByCode)).Body.GetProperty("audience").GetString());
        Assert.Equal("requester", (await ReadAsync(http, taken.ByCode, taken.SecretHeader)).Body.GetProperty("audience").GetString());
    }

    [Fact]
    public async Task An_unpublished_request_is_seen_whole_by_the_agency_side_and_by_nobody_else()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http, Body(publish: false));

        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(http, filed.Path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(http, filed.ByCode)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(http, filed.ByCode, new Dictionary<string, string> { ["X-Filer-Secret"] = new string('0', 32) })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(http, "/api/explanations/by-code/GT-0000-0000")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(http, "/api/explanations/by-code/not-a-code")).Status);
        Assert.Equal(0, (await ReadAsync(http, "/api/explanations")).Body.GetProperty("total").GetInt32());

        foreach (var username in (string[])["voter", "officer.hue-health", "secretariat.hue", "supervisor.na"])
        {
            using var other = await Node.SignInAsync(username);
            Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(other.Http, filed.Path)).Status);
            Assert.Equal(0, (await ReadAsync(other.Http, "/api/explanations")).Body.GetProperty("total").GetInt32());
            var requester = await ReadAsync(other.Http, $"{filed.Path}/requester");
            Assert.Equal((HttpStatusCode.Forbidden, "agency_side_only"), (requester.Status, Code(requester.Body)));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await ReadAsync(http, $"{filed.Path}/requester")).Status);

        foreach (var username in (string[])["officer.na-health", "secretariat.na", "admin"])
        {
            using var side = await Node.SignInAsync(username);
            var view = (await ReadAsync(side.Http, filed.Path)).Body;
            Assert.Equal("agency", view.GetProperty("audience").GetString());
            Assert.True(view.TryGetProperty("requesterId", out _));
            var item = Assert.Single((await ReadAsync(side.Http, "/api/explanations")).Body.GetProperty("items").EnumerateArray());
            Assert.DoesNotContain(Requester, item.GetRawText(), StringComparison.Ordinal);
            var details = (await ReadAsync(side.Http, $"{filed.Path}/requester")).Body;
            Assert.Equal((Requester, Contact, false), (details.GetProperty("fullName").GetString(), details.GetProperty("contact").GetString(),
                details.GetProperty("erased").GetBoolean()));
        }

        using (var voter = await Node.SignInAsync("voter"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ReadAsync(voter.Http, $"/api/explanations/{Guid.NewGuid()}/requester")).Status);
        }

        using var admin = await Node.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(admin.Http, $"/api/explanations/{Guid.NewGuid()}/requester")).Status);
    }

    [Fact]
    public async Task The_requester_is_proven_by_the_secret_or_by_the_account_that_filed()
    {
        using var voter = await Node.SignInAsync("voter");
        var filed = await FileAsync(voter.Http, Body(publish: false));
        Assert.Equal("requester", (await ReadAsync(voter.Http, filed.ByCode)).Body.GetProperty("audience").GetString());
        Assert.Equal("requester", (await ReadAsync(voter.Http, filed.Path)).Body.GetProperty("audience").GetString());

        using var http = Node.Anonymous();
        Assert.Equal("requester", (await ReadAsync(http, filed.ByCode, filed.SecretHeader)).Body.GetProperty("audience").GetString());
        using var someoneElse = await Node.SignInAsync("chair.na");
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(someoneElse.Http, filed.ByCode)).Status);

        // Not explained yet: the requester may not rate; others are told nothing of an unpublished request.
        var early = await PostAsync(voter.Http, $"{filed.ByCode}/rating", new { rating = "satisfied" });
        Assert.Equal((HttpStatusCode.Conflict, "not_explained"), (early.Status, Code(early.Body)));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "satisfied" })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, $"{filed.ByCode}/erasure")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, "/api/explanations/by-code/GT-0000-0000/rating", new { rating = "satisfied" })).Status);

        // A published request is admitted to, but only its requester rates it or erases their details.
        var open = await FileAsync(http);
        var wrong = new Dictionary<string, string> { ["X-Filer-Secret"] = filed.Secret };
        var rating = await PostAsync(http, $"{open.ByCode}/rating", new { rating = "satisfied" }, wrong);
        Assert.Equal((HttpStatusCode.Forbidden, "requester_only"), (rating.Status, Code(rating.Body)));
        var erasure = await PostAsync(voter.Http, $"{open.ByCode}/erasure");
        Assert.Equal((HttpStatusCode.Forbidden, "requester_only"), (erasure.Status, Code(erasure.Body)));
        Assert.Equal(1, await StreamVersionAsync(Node, open.RequestId));
    }

    [Fact]
    public async Task The_requester_never_appears_in_public_reads_the_list_or_the_search()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http, Body(subject: "Giải trình về quy hoạch bệnh viện tuyến tỉnh"));
        using var officer = await Node.SignInAsync("officer.na-health");
        var requesterId = (await ReadAsync(officer.Http, filed.Path)).Body.GetProperty("requesterId").GetString()!;

        string[] secrets = [Requester, Contact, "046190001234", "12 Lê Lợi", requesterId, filed.Secret];
        foreach (var path in (string[])[filed.Path, filed.ByCode, "/api/explanations", "/api/search?q=quy hoach benh vien", "/api/search?q=nguyen thi bao chau"])
        {
            var text = await TextAsync(http, path);
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        }

        Assert.Contains(filed.RequestId.ToString(), await TextAsync(http, "/api/search?q=quy hoach benh vien&kind=explanation"), StringComparison.Ordinal);
        Assert.Equal(0, (await ReadAsync(http, "/api/search?q=bao chau")).Body.GetProperty("total").GetInt32());

        // Nor in the log: the events hold the subject id only, the online filer is "Public" in the metadata.
        using var voter = await Node.SignInAsync("voter");
        var signedIn = await FileAsync(voter.Http);
        var store = Node.Services.GetRequiredService<IEventStore>();
        foreach (var request in (Receipt[])[filed, signedIn])
        {
            var events = await store.ReadStreamAsync(ExplanationGrain.StreamId(request.RequestId), 1, 100, TestContext.Current.CancellationToken);
            Assert.All(events, e => Assert.All((string[])[Requester, Contact, "Trần Văn Minh", "voter"], s =>
            {
                Assert.DoesNotContain(s, e.Data, StringComparison.Ordinal);
                Assert.DoesNotContain(s, e.Metadata, StringComparison.Ordinal);
            }));
        }

        // An unpublished request never enters the search.
        await FileAsync(http, Body(publish: false, subject: "Khiếu nại về chế độ thai sản"));
        Assert.Equal(0, (await ReadAsync(http, "/api/search?q=che do thai san")).Body.GetProperty("total").GetInt32());
    }
}
