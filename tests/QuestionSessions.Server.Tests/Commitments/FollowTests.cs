using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>
/// A voter's follow list: it follows a commitment and an agency, reads their commitments, watches a followed
/// commitment change live over the hub, reads the list's feed by its secret address, and finds the list
/// again after the server restarts (Orleans' ADO.NET grain storage on the same database).
/// </summary>
public sealed class FollowTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store);

    [Fact]
    public async Task A_voter_follows_a_commitment_and_an_agency_sees_them_change_live_and_keeps_the_list_across_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = _node.Anonymous();
        var overdue = (await Ledger.Eventually(http, "/api/commitments?window=overdue", p => p.GetProperty("total").GetInt32() == 1)).GetProperty("items")[0];
        var commitmentId = overdue.GetProperty("commitmentId").GetGuid();

        // Denied and bad: no cookie, an agency the body does not have, a commitment that is not in the ledger.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, "/api/me/follows", new { kind = "commitment", key = commitmentId.ToString() })).Status);
        using var anonymousList = await http.GetAsync("/api/me/follows", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousList.StatusCode);
        using var voter = await _node.SignInAsync("voter");
        var noAgency = await PostAsync(voter.Http, "/api/me/follows", new { kind = "agency", key = "na-a-health", bodyId = "pc-hue" });
        Assert.Equal((HttpStatusCode.NotFound, "follow_target_not_found"), (noAgency.Status, noAgency.Body.GetProperty("code").GetString()));
        var noCommitment = await PostAsync(voter.Http, "/api/me/follows", new { kind = "commitment", key = Guid.NewGuid().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, noCommitment.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(voter.Http, "/api/me/follows", new { kind = "commitment", key = commitmentId.ToString() })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(voter.Http, "/api/me/follows", new { kind = "commitment", key = commitmentId.ToString().ToUpperInvariant() })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(voter.Http, "/api/me/follows", new { kind = "agency", key = "hue-a-committee", bodyId = "pc-hue" })).Status);
        var list = await GetAsync(voter.Http, "/api/me/follows");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
        var followed = await GetAsync(voter.Http, "/api/me/follows/commitments");
        var ids = followed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("commitmentId").GetGuid()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Contains(commitmentId, ids);
        Assert.Equal(2, followed.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("agencyId").GetString() == "hue-a-committee"));

        // Live: the followed commitment's next event reaches the watching page.
        await using var hub = await HubClient.ConnectAsync(_node.Address, voter.Cookie, ct);
        var version = overdue.GetProperty("version").GetInt64();
        var joined = await hub.InvokeAsync("WatchCommitment", [commitmentId, version], ct);
        Assert.Equal("joined", joined.GetProperty("outcome").GetString());
        using (var officer = await _node.SignInAsync("officer.hue-health"))
        {
            AcceptedVersion(await PostAsync(officer.Http, $"/api/commitments/{commitmentId}/progress", new { markdown = "Đã công khai 8/12 bệnh viện", percent = 60 }));
        }

        var live = await hub.NextEventAsync();
        Assert.Equal(commitmentId, live.GetProperty("sittingId").GetGuid());
        Assert.Equal("progress_reported", live.GetProperty("type").GetString());
        Assert.Equal(version + 1, live.GetProperty("version").GetInt64());

        // The list's feed, by its secret address only.
        var token = list.GetProperty("feedToken").GetString()!;
        using (var atom = await http.GetAsync($"/api/follows/{token}/feed.atom", ct))
        {
            Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
            var feed = SyndicationFeed.Load(XmlReader.Create(await atom.Content.ReadAsStreamAsync(ct)));
            Assert.Equal(3, feed.Items.Count());
        }

        using var wrong = await http.GetAsync($"/api/follows/{token[..(token.IndexOf('.') + 1)]}0000/feed.atom", ct);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        using var ics = await http.GetAsync($"/api/follows/{token}/deadlines.ics", ct);
        Assert.Equal(3, Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync(ct))!.Events.Count);

        // Unfollow one, restart, and the list is as it was left.
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(voter.Http, "/api/me/follows/remove", new { kind = "agency", key = "hue-a-committee", bodyId = "pc-hue" })).Status);
        await _node.DisposeAsync();
        _node = await TestNode.StartAsync(_store.Store);
        using var again = await _node.SignInAsync("voter");
        var kept = await GetAsync(again.Http, "/api/me/follows");
        var item = Assert.Single(kept.GetProperty("items").EnumerateArray());
        Assert.Equal(commitmentId.ToString(), item.GetProperty("key").GetString());
        Assert.Equal(token, kept.GetProperty("feedToken").GetString());
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }
}
