using System.Net;
using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;
using static QuestionSessions.Server.Tests.Supervision.Topics;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>
/// The plan's deadline on the node's clock: 15 days after the decision, counted by the server; once that day
/// has ended in Hanoi without a plan the topic records the plan overdue, once, and a plan sent afterwards is late.
/// </summary>
public sealed class SupervisionDeadlineTests : SqliteNodeTest
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task A_plan_not_sent_within_fifteen_days_is_recorded_overdue_once_and_the_late_plan_says_so()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var http = Node.Anonymous();
        var demo = await Ledger.Eventually(http, "/api/commitments?body=na", p => p.GetProperty("total").GetInt32() >= 1);
        var cited = demo.GetProperty("items")[0].GetProperty("commitmentId").GetGuid();
        var topicId = await DecideAsync(secretariat.Http);
        var path = $"/api/supervision/{topicId}";
        Assert.Equal(Day(_clock, 15), (await DetailAsync(http, topicId)).GetProperty("topic").GetProperty("planDueBy").GetString());

        // The fifteenth day is not over yet: nothing is due. (Sign-ins last hours: each day gets its own.)
        _clock.Advance(TimeSpan.FromDays(15));
        using var supervisor = await Node.SignInAsync("supervisor.na");
        AcceptedVersion(await PostAsync(supervisor.Http, $"{path}/evidence", new { links = new[] { new { kind = "commitment", id = cited } } }));
        Assert.False((await DetailAsync(http, topicId)).GetProperty("topic").GetProperty("planOverdue").GetBoolean());

        // A day later it is, and the topic's deadline grain records it as soon as it acts.
        _clock.Advance(TimeSpan.FromDays(1));
        using var nextDay = await Node.SignInAsync("supervisor.na");
        AcceptedVersion(await PostAsync(nextDay.Http, $"{path}/evidence/removal", new { kind = "commitment", id = cited, reason = "Nhầm cam kết" }));
        var overdue = await Ledger.Eventually(http, "/api/supervision?body=na", p => p.GetProperty("items")[0].GetProperty("planOverdue").GetBoolean());
        Assert.False(overdue.GetProperty("items")[0].GetProperty("planLate").GetBoolean());

        var tooSoon = await PostAsync(nextDay.Http, $"{path}/plan", new { outlineMarkdown = "Đề cương", workingSessions = new[] { Day(_clock, 3) } });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "programme_too_late"), (tooSoon.Status, Code(tooSoon.Body)));
        AcceptedVersion(await PostAsync(nextDay.Http, $"{path}/plan", new { outlineMarkdown = "Đề cương", workingSessions = new[] { Day(_clock, 10) } }));
        var topic = (await DetailAsync(http, topicId)).GetProperty("topic");
        Assert.Equal("planned", topic.GetProperty("stage").GetString());
        Assert.True(topic.GetProperty("planLate").GetBoolean());
        Assert.True(topic.GetProperty("planOverdue").GetBoolean());

        // Another day and another step: the overdue stays recorded once.
        _clock.Advance(TimeSpan.FromDays(1));
        using var dayAfter = await Node.SignInAsync("supervisor.na");
        AcceptedVersion(await PostAsync(dayAfter.Http, $"{path}/findings", new { markdown = "Phát hiện đầu tiên" }));
        var timeline = (await DetailAsync(http, topicId)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Single(timeline, t => t == "supervision_plan_overdue");
        var listed = (await GetAsync(http, "/api/supervision?body=na")).GetProperty("items")[0];
        Assert.True(listed.GetProperty("planLate").GetBoolean());
        Assert.True(listed.GetProperty("planOverdue").GetBoolean());
    }
}
