using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;
using static QuestionSessions.Server.Tests.Supervision.Topics;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>
/// Who may take each step of a supervision: signing in is required for every write, a voter takes none, the
/// supervising committee and the secretariat of another body take none, and an agency's officer files only
/// the reports of an agency the topic supervises. Each refusal writes nothing.
/// </summary>
public sealed class SupervisionAccessTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task Deciding_a_topic_takes_the_secretariat_or_the_chair_of_the_body()
    {
        using var http = Node.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, "/api/bodies/na/supervision", Decision())).Status);
        foreach (var name in (string[])["voter", "supervisor.na", "officer.na-health", "secretariat.hue", "na-d-001"])
        {
            using var caller = await Node.SignInAsync(name);
            var denied = await PostAsync(caller.Http, "/api/bodies/na/supervision", Decision());
            Assert.Equal((HttpStatusCode.Forbidden, "role_required"), (denied.Status, Code(denied.Body)));
        }

        Assert.Equal(0, (await GetAsync(http, "/api/supervision")).GetProperty("total").GetInt32());
        using var chair = await Node.SignInAsync("chair.na");
        AcceptedVersion(await PostAsync(chair.Http, "/api/bodies/na/supervision", Decision()));
    }

    [Fact]
    public async Task Only_the_bodys_supervisors_or_secretariat_plan_and_only_the_supervised_agencys_officer_reports()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var http = Node.Anonymous();
        var topicId = await DecideAsync(secretariat.Http);
        var path = $"/api/supervision/{topicId}";
        var plan = new { outlineMarkdown = "Đề cương báo cáo", workingSessions = new[] { Day(_clock, 12) } };
        var report = new { agencyId = "na-a-health", markdown = "Báo cáo" };
        var finding = new { markdown = "Phát hiện" };

        // Anonymous: every write asks to sign in.
        foreach (var (route, body) in new (string, object)[] { ("/plan", plan), ("/reports", report), ("/findings", finding), ("/closure", new { summary = "Xong" }) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, path + route, body)).Status);
        }

        // A voter, and the supervising committee of another body.
        foreach (var name in (string[])["voter", "supervisor.hue", "secretariat.hue"])
        {
            using var caller = await Node.SignInAsync(name);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(caller.Http, $"{path}/plan", plan)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(caller.Http, $"{path}/findings", finding)).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(caller.Http, $"{path}/reports", report)).Status);
        }

        using var supervisor = await Node.SignInAsync("supervisor.na");
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/plan", plan));
        var version = await TopicVersionAsync(http, topicId);

        // An officer of an agency the topic does not supervise, of this body or of another.
        using (var other = await Node.SignInAsync("officer.hue-health"))
        {
            var denied = await PostAsync(other.Http, $"{path}/reports", report);
            Assert.Equal((HttpStatusCode.Forbidden, "agency_officer_required"), (denied.Status, Code(denied.Body)));
            Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(other.Http, $"{path}/reports", report with { agencyId = "hue-a-health" })).Status);
        }

        using var officer = await Node.SignInAsync("officer.na-health");
        var forFinance = await PostAsync(officer.Http, $"{path}/reports", report with { agencyId = "na-a-finance" });
        Assert.Equal((HttpStatusCode.Forbidden, "agency_officer_required"), (forFinance.Status, Code(forFinance.Body)));

        // The officer reports, and nothing else: no finding, no close; the committee does not close either.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(officer.Http, $"{path}/findings", finding)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(supervisor.Http, $"{path}/closure", new { summary = "Xong" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(supervisor.Http, $"{path}/resolution",
            new { reference = "NQ 1", adoptedOn = Day(_clock, 0) })).Status);
        Assert.Equal(version, await TopicVersionAsync(http, topicId));

        AcceptedVersion(await PostAsync(officer.Http, $"{path}/reports", report));
        Assert.Equal(1, (await DetailAsync(http, topicId)).GetProperty("topic").GetProperty("reports").GetInt32());
    }
}
