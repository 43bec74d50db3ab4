using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>
/// The denied paths: every role check refuses the wrong caller, says why, and writes nothing. The tests here only
/// read and are refused, so they share one node; those that change the sitting first are in
/// <see cref="AccessOnAChangedSittingTests"/>.
/// </summary>
public sealed class AccessTests(SharedSqliteNode node) : IClassFixture<SharedSqliteNode>
{
    private SharedSqliteNode Node => node;

    public static TheoryData<string> WriteRoutes() =>
    [
        "/open", "/close", $"/clusters/{HealthCluster}/open", "/speakers/next", "/turns", "/questions", "/registrations",
        "/commitments", "/transcript", "/video-stream", "/related-respondents", $"/clusters/{HealthCluster}/close",
        $"/clusters/{HealthCluster}/speaking-order", $"/turns/{Guid.NewGuid()}/end", "/reschedule",
    ];

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public async Task Anonymous_callers_cannot_write(string route)
    {
        using var http = Node.Anonymous();
        var before = await VersionAsync(http, DemoSitting);
        var (status, body) = await SittingAsync(http, DemoSitting, route, new { });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
        Assert.Equal(before, await VersionAsync(http, DemoSitting));
    }

    [Theory]
    [InlineData("na-d-001", "/open", "role_required")]
    [InlineData("secretariat.na", "/open", "role_required")]
    [InlineData("na-o-health", "/open", "role_required")]
    [InlineData("chair.hue", "/open", "role_required")]
    [InlineData("chair.na", "/video-stream", "role_required")]
    [InlineData("na-d-001", "/video-stream", "role_required")]
    public async Task Callers_without_the_role_in_this_body_are_forbidden(string username, string route, string code)
    {
        using var caller = await Node.SignInAsync(username);
        var before = await VersionAsync(caller.Http, DemoSitting);
        var (status, body) = await SittingAsync(caller.Http, DemoSitting, route, new { url = "https://example.org/live" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(before, await VersionAsync(caller.Http, DemoSitting));
    }

    [Theory]
    [InlineData("hue-d-001")]
    [InlineData("th-d-001")]
    [InlineData("na-o-health")]
    [InlineData("secretariat.na")]
    public async Task Only_deputies_of_this_body_may_file_questions(string username)
    {
        using var caller = await Node.SignInAsync(username);
        var before = await VersionAsync(caller.Http, DemoSitting);
        var (status, body) = await SittingAsync(caller.Http, DemoSitting, "/questions",
            new { clusterId = HealthCluster, respondentId = "na-o-health", text = "Câu hỏi từ ngoài Quốc hội" });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("not_a_member", body.GetProperty("code").GetString());
        Assert.Equal(before, await VersionAsync(caller.Http, DemoSitting));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        using var http = Node.Anonymous();
        var wrongPassword = await PostAsync(http, "/api/auth/sign-in", new { username = "chair.na", password = "nope" });
        var unknownUser = await PostAsync(http, "/api/auth/sign-in", new { username = "nobody", password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownUser.Status);
        Assert.Equal(wrongPassword.Body.GetProperty("detail").GetString(), unknownUser.Body.GetProperty("detail").GetString());
        var me = await GetAsync(http, "/api/auth/me");
        Assert.False(me.GetProperty("signedIn").GetBoolean());
    }
}
