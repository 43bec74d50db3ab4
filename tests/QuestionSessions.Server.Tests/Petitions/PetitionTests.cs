using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Petitions;

/// <summary>
/// Voters' petitions over HTTP on a real node: filed on the portal or at a contact meeting, merged, routed with
/// the legal deadline, answered (answered is not resolved), rated with the filer's secret, escalated, overdue
/// by the injected clock; the filer's name never public, and erasable with every chain intact.
/// </summary>
public sealed class PetitionTests : SqliteNodeTest
{
    internal const string Filer = "Nguyễn Thị Hoa";
    private const string Contact = "hoa.nguyen@example.vn";

    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task A_voter_files_online_the_council_routes_the_agency_answers_and_answered_stays_apart_from_resolved()
    {
        using var anonymous = Node.Anonymous();
        var baseline = await GetAsync(anonymous, "/api/bodies/pc-hue/petition-figures");
        var (id, code, secret) = await FileAsync(anonymous);
        Assert.Matches("^KN-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);

        // The public view by code: the petition and its text, never who filed it.
        var publicView = await RawAsync(anonymous, $"/api/petitions/by-code/{code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");
        Assert.Contains("Bồi thường đất đai", publicView, StringComparison.Ordinal);
        Assert.DoesNotContain(Filer, publicView, StringComparison.Ordinal);
        Assert.DoesNotContain(Contact, publicView, StringComparison.Ordinal);
        Assert.DoesNotContain("submitterId", publicView, StringComparison.Ordinal);
        var search = await RawAsync(anonymous, "/api/search?q=boi%20thuong%20dat%20dai&kind=petition");
        Assert.Contains(id.ToString(), search, StringComparison.Ordinal);
        Assert.DoesNotContain(Filer, search, StringComparison.Ordinal);

        using var secretariat = await Node.SignInAsync("secretariat.hue");
        AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" }));
        var routed = (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("petition");
        Assert.Equal("local", routed.GetProperty("level").GetString());
        Assert.Equal(Today().AddDays(60).ToString("yyyy-MM-dd"), routed.GetProperty("deadline").GetString());

        using var committee = await Node.SignInAsync("officer.hue-committee");
        AcceptedVersion(await PostAsync(committee.Http, $"/api/petitions/{id}/answers",
            new { markdown = "UBND thành phố **đang rà soát** phương án bồi thường.", outcome = "beingResolved" }));
        var figures = await GetAsync(anonymous, "/api/bodies/pc-hue/petition-figures");
        int Delta(string name) => figures.GetProperty(name).GetInt32() - baseline.GetProperty(name).GetInt32();
        Assert.Equal((1, 1, 1, 0, 1), (Delta("filed"), Delta("answered"), Delta("answeredOnTime"), Delta("resolved"), Delta("beingResolved")));

        // The filer rates with the secret; a wrong secret finds nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(anonymous, $"/api/petitions/by-code/{code}/rating", new { rating = "unsatisfied" },
            new Dictionary<string, string> { ["X-Filer-Secret"] = "0123456789abcdef0123456789abcdef" })).Status);
        AcceptedVersion(await PostAsync(anonymous, $"/api/petitions/by-code/{code}/rating", new { rating = "unsatisfied", comment = "Chưa rõ thời hạn" },
            new Dictionary<string, string> { ["X-Filer-Secret"] = secret }));
        // Unsatisfied: the supervising committee takes it to a supervision topic of the council, which then cites it.
        using var supervisor = await Node.SignInAsync("supervisor.hue");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(supervisor.Http, $"/api/petitions/{id}/escalation",
            new { target = "supervisionTopic", targetId = Guid.NewGuid(), reason = "Cử tri chưa hài lòng" })).Status);
        var topic = await PostAsync(secretariat.Http, "/api/bodies/pc-hue/supervision", new
        {
            title = "Giám sát chuyên đề bồi thường, giải phóng mặt bằng",
            scopeMarkdown = "Việc bồi thường khi thu hồi đất.",
            assignedTo = "Ban Kinh tế – Ngân sách",
            supervised = new[] { new { agencyId = "hue-a-committee" } },
        });
        var topicId = Id(AcceptedBody(topic));
        AcceptedVersion(await PostAsync(supervisor.Http, $"/api/petitions/{id}/escalation",
            new { target = "supervisionTopic", targetId = topicId, reason = "Cử tri chưa hài lòng" }));
        var cited = await GetAsync(anonymous, $"/api/supervision?cites={id}");
        Assert.Equal(topicId, cited.GetProperty("items")[0].GetProperty("topicId").GetGuid());

        AcceptedVersion(await PostAsync(committee.Http, $"/api/petitions/{id}/answers",
            new { markdown = "Đã chi trả bồi thường cho 12 hộ.", outcome = "resolved" }));
        AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{id}/report-back", new { channel = "Tiếp xúc cử tri sau kỳ họp" }));
        var done = (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("petition");
        Assert.True(done.GetProperty("resolved").GetBoolean());
        Assert.True(done.GetProperty("reportedBack").GetBoolean());
        Assert.Equal(1, done.GetProperty("escalations").GetInt32());
        var timeline = (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(
            ["petition_filed", "petition_routed", "petition_answered", "petition_rated", "petition_escalated", "petition_answered", "petition_reported_back"],
            timeline.Select(e => e.GetProperty("type").GetString()));
        Assert.Contains("<strong>đang rà soát</strong>", timeline[2].GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.False(timeline[3].GetProperty("data").TryGetProperty("raterKey", out _));
    }

    [Fact]
    public async Task Petitions_from_a_contact_meeting_merge_into_one_that_keeps_every_source_and_supporter()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        var meeting = await PostAsync(secretariat.Http, "/api/bodies/na/contact-meetings", new
        {
            date = Today().AddDays(-3),
            timing = "beforeSession",
            session = 11,
            provinceId = "hue",
            commune = "Phường Thuận Hóa",
            heldBy = new[] { "na-d-001", "na-d-002" },
            petitions = new[]
            {
                new { field = "health", title = "Thiếu thuốc ở trạm y tế phường", text = "Cử tri phản ánh trạm y tế thiếu thuốc thiết yếu.", supporters = 40 },
                new { field = "health", title = "Trạm y tế thiếu thuốc", text = "Đề nghị bổ sung thuốc cho trạm y tế.", supporters = 15 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, meeting.Status);
        var filed = meeting.Body.GetProperty("petitions").EnumerateArray().Select(p => p.GetProperty("petitionId").GetGuid()).ToList();
        Assert.Equal(2, filed.Count);

        AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{filed[0]}/merge", new { duplicateId = filed[1] }));
        using var anonymous = Node.Anonymous();
        var keeper = await GetAsync(anonymous, $"/api/petitions/{filed[0]}");
        Assert.Equal(55, keeper.GetProperty("petition").GetProperty("supporters").GetInt32());
        Assert.Equal(2, keeper.GetProperty("sources").GetArrayLength());
        Assert.All(keeper.GetProperty("sources").EnumerateArray(), s => Assert.Equal(11, s.GetProperty("session").GetInt32()));
        var meetingId = meeting.Body.GetProperty("meetingId").GetGuid();
        var list = await GetAsync(anonymous, $"/api/petitions?meeting={meetingId}");
        Assert.Equal([filed[0]], list.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("petitionId").GetGuid()));
        var search = await GetAsync(anonymous, "/api/search?q=tram%20y%20te%20thieu%20thuoc&kind=petition&body=na");
        var found = search.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(filed[0].ToString(), found);
        Assert.DoesNotContain(filed[1].ToString(), found);
        var meetings = await GetAsync(anonymous, "/api/bodies/na/contact-meetings");
        Assert.Equal(2, meetings.EnumerateArray().Single(m => m.GetProperty("meetingId").GetGuid() == meetingId).GetProperty("petitions").GetInt32());

        // Merging again changes nothing; a merged duplicate cannot be routed.
        AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{filed[0]}/merge", new { duplicateId = filed[1] }));
        Assert.Equal(55, (await GetAsync(anonymous, $"/api/petitions/{filed[0]}")).GetProperty("petition").GetProperty("supporters").GetInt32());
        var routeMerged = await PostAsync(secretariat.Http, $"/api/petitions/{filed[1]}/routing", new { agencyId = "na-a-health" });
        Assert.Equal(HttpStatusCode.Conflict, routeMerged.Status);
        var central = await PostAsync(secretariat.Http, $"/api/petitions/{filed[0]}/routing", new { agencyId = "na-a-health" });
        AcceptedVersion(central);
        Assert.Equal("central", (await GetAsync(anonymous, $"/api/petitions/{filed[0]}")).GetProperty("petition").GetProperty("level").GetString());
    }

    [Fact]
    public async Task Each_step_is_refused_to_whoever_may_not_take_it_and_nothing_is_written()
    {
        using var anonymous = Node.Anonymous();
        var (id, _, _) = await FileAsync(anonymous);
        using var voter = await Node.SignInAsync("voter");
        using var otherOfficer = await Node.SignInAsync("officer.hue-health");
        using var naSecretariat = await Node.SignInAsync("secretariat.na");
        using var secretariat = await Node.SignInAsync("secretariat.hue");

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(voter.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(naSecretariat.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" })).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(secretariat.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-nowhere" })).Status);
        var before = (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("petition").GetProperty("version").GetInt64();

        AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" }));
        Assert.Equal(before + 1, (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("petition").GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(otherOfficer.Http, $"/api/petitions/{id}/answers", new { markdown = "Không phải việc của Sở.", outcome = "explained" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(voter.Http, $"/api/petitions/{id}/answers", new { markdown = "Tôi trả lời.", outcome = "resolved" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(voter.Http, $"/api/petitions/{id}/escalation", new { target = "question", targetId = DemoSitting, reason = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(voter.Http, "/api/bodies/na/contact-meetings", Meeting())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, "/api/bodies/na/contact-meetings", Meeting())).Status);

        // Who filed: the body's secretariat and the answering agency's officers, nobody else.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/petitions/{id}/submitters", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await voter.Http.GetAsync($"/api/petitions/{id}/submitters", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOfficer.Http.GetAsync($"/api/petitions/{id}/submitters", TestContext.Current.CancellationToken)).StatusCode);
        using var committee = await Node.SignInAsync("officer.hue-committee");
        var submitters = await GetAsync(committee.Http, $"/api/petitions/{id}/submitters");
        Assert.Equal(Filer, submitters[0].GetProperty("fullName").GetString());
        Assert.Equal(before + 1, (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("petition").GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_filer_erases_their_details_with_the_secret_and_the_petitions_chain_still_verifies()
    {
        using var anonymous = Node.Anonymous();
        var (id, code, secret) = await FileAsync(anonymous);
        var headers = new Dictionary<string, string> { ["X-Filer-Secret"] = secret };
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(anonymous, $"/api/petitions/by-code/{code}/erasure", new { },
            new Dictionary<string, string> { ["X-Filer-Secret"] = "wrong" })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(anonymous, $"/api/petitions/by-code/{code}/erasure", new { }, headers)).Status);

        using var secretariat = await Node.SignInAsync("secretariat.hue");
        var submitter = (await GetAsync(secretariat.Http, $"/api/petitions/{id}/submitters"))[0];
        Assert.Equal(JsonValueKind.Null, submitter.GetProperty("fullName").ValueKind);
        Assert.Equal(JsonValueKind.Null, submitter.GetProperty("contact").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, submitter.GetProperty("erasedAt").ValueKind);
        // The secret went with the details: it no longer rates or erases.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(anonymous, $"/api/petitions/by-code/{code}/erasure", new { }, headers)).Status);

        var store = Node.Services.GetRequiredService<IEventStore>();
        var report = await store.VerifyStreamAsync($"petition/{id}", TestContext.Current.CancellationToken);
        Assert.True(report.IsValid, report.ToString());
        Assert.Equal(1L, report.EventsChecked);
    }

    [Fact]
    public async Task A_signed_in_voter_files_and_rates_and_the_log_keeps_neither_their_name_nor_the_key()
    {
        using var voter = await Node.SignInAsync("voter");
        const string key = "voter-key-3c1e9a7d-52b4-4c0e-9f6a-1d2e3f4a5b6c";
        var filed = await PostAsync(voter.Http, "/api/petitions", Online(), new Dictionary<string, string> { ["Idempotency-Key"] = key });
        Assert.Equal(HttpStatusCode.OK, filed.Status);
        var id = filed.Body.GetProperty("petitionId").GetGuid();
        using var secretariat = await Node.SignInAsync("secretariat.hue");
        AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" }));
        using var committee = await Node.SignInAsync("officer.hue-committee");
        AcceptedVersion(await PostAsync(committee.Http, $"/api/petitions/{id}/answers", new { markdown = "Đã trả lời.", outcome = "explained" }));
        AcceptedVersion(await PostAsync(voter.Http, $"/api/petitions/{id}/rating", new { rating = "satisfied" }));
        // The answering agency's own officer may not rate its answer.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(committee.Http, $"/api/petitions/{id}/rating", new { rating = "satisfied" })).Status);

        var events = await Node.Services.GetRequiredService<IEventStore>().ReadStreamAsync($"petition/{id}", 1, 100, TestContext.Current.CancellationToken);
        Assert.Equal(["petition_filed", "petition_routed", "petition_answered", "petition_rated"], events.Select(e => e.Type));
        foreach (var stored in new[] { events[0], events[3] })
        {
            Assert.DoesNotContain("Cử tri Trần Văn Minh", stored.Data + stored.Metadata, StringComparison.Ordinal);
            Assert.DoesNotContain(key, stored.Data + stored.Metadata, StringComparison.Ordinal);
            Assert.DoesNotContain(Filer, stored.Data + stored.Metadata, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_retried_filing_is_one_petition_with_the_same_code_and_secret()
    {
        using var anonymous = Node.Anonymous();
        var before = (await GetAsync(anonymous, "/api/petitions?body=pc-hue")).GetProperty("total").GetInt32();
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "retry-7f1d2c9a-4e55-4f5e-9d3b-0c2a1b9e8d77" };
        var first = await PostAsync(anonymous, "/api/petitions", Online(), headers);
        var second = await PostAsync(anonymous, "/api/petitions", Online(), headers);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body.GetProperty("code").GetString(), second.Body.GetProperty("code").GetString());
        Assert.Equal(first.Body.GetProperty("secret").GetString(), second.Body.GetProperty("secret").GetString());
        Assert.Equal(before + 1, (await GetAsync(anonymous, "/api/petitions?body=pc-hue")).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("""{"bodyId":"pc-hue","field":"land","title":"","text":"x","provinceId":"hue"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"bodyId":"pc-hue","field":"weather","title":"t","text":"x","provinceId":"hue"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"bodyId":"pc-hue","field":"land","title":"t","text":"x","provinceId":"atlantis"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"bodyId":"pc-nowhere","field":"land","title":"t","text":"x","provinceId":"hue"}""", HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{"bodyId":"pc-hue","field":"land","title":"\u200b","text":"x","provinceId":"hue"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"bodyId":"pc-hue","field":"land","title":"t","text":"x","provinceId":"hue""", HttpStatusCode.BadRequest)]
    [InlineData("""[1,2,3]""", HttpStatusCode.BadRequest)]
    public async Task Bad_filings_get_a_problem_and_nothing_is_kept(string json, HttpStatusCode status)
    {
        using var anonymous = Node.Anonymous();
        var before = (await GetAsync(anonymous, "/api/petitions")).GetProperty("total").GetInt32();
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await anonymous.PostAsync("/api/petitions", content, TestContext.Current.CancellationToken);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, (await GetAsync(anonymous, "/api/petitions")).GetProperty("total").GetInt32());
        await using var connection = await Node.Services.GetRequiredService<IEventStore>().OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM personal_data";
        Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static object Online() => new
    {
        bodyId = "pc-hue",
        field = "land",
        title = "Bồi thường đất đai khi mở rộng đường Lê Duẩn",
        text = "Đề nghị thành phố chi trả dứt điểm tiền bồi thường đất đai cho các hộ bị thu hồi.",
        provinceId = "hue",
        commune = "Phường Phú Xuân",
        petitioner = new { fullName = Filer, contact = Contact },
    };

    private object Meeting() => new
    {
        date = Today().AddDays(-1),
        timing = "afterSession",
        provinceId = "hue",
        petitions = new[] { new { field = "other", title = "Kiến nghị", text = "Nội dung", supporters = 1 } },
    };

    internal static async Task<(Guid Id, string Code, string Secret)> FileAsync(HttpClient http)
    {
        var filed = await PostAsync(http, "/api/petitions", Online());
        Assert.Equal(HttpStatusCode.OK, filed.Status);
        return (filed.Body.GetProperty("petitionId").GetGuid(), filed.Body.GetProperty("code").GetString()!, filed.Body.GetProperty("secret").GetString()!);
    }

    private static JsonElement AcceptedBody((HttpStatusCode Status, JsonElement Body) response)
    {
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Body;
    }

    private DateOnly Today() => DateOnly.FromDateTime(_clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);

    private static async Task<string> RawAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
