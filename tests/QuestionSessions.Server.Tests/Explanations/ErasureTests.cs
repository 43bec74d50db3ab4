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
/// A requester's details erased, by themself with the filing secret or by an administrator: the agency sees
/// "erased", the secret stops working, the request carries on, and the request's hash chain still verifies
/// because no event ever held the details.
/// </summary>
public sealed class ErasureTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--RateLimits:PublicFilingPerMinute=1000"];

    [Fact]
    public async Task The_requester_erases_their_details_with_the_secret_and_the_chain_still_verifies()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http, Body(publish: false));
        using var officer = await Node.SignInAsync("officer.na-health");
        Assert.Equal(Requester, (await ReadAsync(officer.Http, $"{filed.Path}/requester")).Body.GetProperty("fullName").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(http, $"{filed.ByCode}/erasure", new { reason = "Tôi không muốn lưu thông tin" }, filed.SecretHeader)).Status);

        // The secret went with the details: the requester's view and a second erasure are no longer open to it.
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(http, filed.ByCode, filed.SecretHeader)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, $"{filed.ByCode}/erasure", null, filed.SecretHeader)).Status);
        var details = (await ReadAsync(officer.Http, $"{filed.Path}/requester")).Body;
        Assert.True(details.GetProperty("erased").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, details.GetProperty("fullName").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, details.GetProperty("contact").ValueKind);

        // The request itself carries on.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(officer.Http, $"{filed.Path}/acceptance")).Status);
        await AssertChainVerifiesAsync(filed.RequestId, 2);
    }

    [Fact]
    public async Task An_administrator_erases_a_subject_with_a_reason_and_nobody_else_may()
    {
        using var http = Node.Anonymous();
        using var voter = await Node.SignInAsync("voter");
        var filed = await FileAsync(voter.Http);
        using var officer = await Node.SignInAsync("officer.na-health");
        var subjectId = (await ReadAsync(officer.Http, filed.Path)).Body.GetProperty("requesterId").GetGuid();
        var path = $"/api/personal-data/{subjectId}/erasure";
        var reason = new { reason = "Yêu cầu bằng văn bản ngày 5/3" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, path, reason)).Status);
        foreach (var username in (string[])["voter", "officer.na-health", "secretariat.na"])
        {
            using var other = await Node.SignInAsync(username);
            var denied = await PostAsync(other.Http, path, reason);
            Assert.Equal((HttpStatusCode.Forbidden, "admin_required"), (denied.Status, Code(denied.Body)));
        }

        using var admin = await Node.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin.Http, path, new { reason = "" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin.Http, path, new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(admin.Http, $"/api/personal-data/{Guid.NewGuid()}/erasure", reason)).Status);
        Assert.Equal(Requester, (await ReadAsync(officer.Http, $"{filed.Path}/requester")).Body.GetProperty("fullName").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(admin.Http, path, reason)).Status);
        Assert.True((await ReadAsync(officer.Http, $"{filed.Path}/requester")).Body.GetProperty("erased").GetBoolean());

        // Neither the secret nor the account that filed proves the requester any more: what is left is the public view.
        Assert.Equal("public", (await ReadAsync(http, filed.ByCode, filed.SecretHeader)).Body.GetProperty("audience").GetString());
        Assert.Equal("public", (await ReadAsync(voter.Http, filed.ByCode)).Body.GetProperty("audience").GetString());
        await AssertChainVerifiesAsync(filed.RequestId, 1);
    }

    private async Task AssertChainVerifiesAsync(Guid requestId, long events)
    {
        var store = Node.Services.GetRequiredService<IEventStore>();
        var chain = await store.VerifyStreamAsync(ExplanationGrain.StreamId(requestId), TestContext.Current.CancellationToken);
        Assert.True(chain.IsValid, chain.Reason);
        Assert.Equal(events, chain.EventsChecked);
    }
}
