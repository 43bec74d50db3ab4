using QuestionSessions.Server.Tests.Commitments;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Petitions;

/// <summary>
/// A petition's deadline passes while no server runs: the node is stopped, the clock moves past the deadline,
/// and once the petition is active again (its hourly reminder activates it within the hour; here the secretariat
/// reading who filed does so at once) the overdue is recorded, once. The reminder's own firing across silos is
/// tested on the grains (<c>CommitmentReminderTests</c>, the same <c>DeadlineGrain</c>).
/// </summary>
public sealed class PetitionDeadlineTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task An_unanswered_petition_is_overdue_after_its_deadline_and_a_late_answer_stays_late()
    {
        Guid id;
        System.Text.Json.JsonElement baseline;
        await using (var node = await TestNode.StartAsync(_store.Store, clock: _clock))
        {
            using var anonymous = node.Anonymous();
            (id, _, _) = await PetitionTests.FileAsync(anonymous);
            using var secretariat = await node.SignInAsync("secretariat.hue");
            AcceptedVersion(await PostAsync(secretariat.Http, $"/api/petitions/{id}/routing", new { agencyId = "hue-a-committee" }));
            Assert.Equal(0, (await GetAsync(anonymous, "/api/petitions?window=overdue&body=pc-hue")).GetProperty("total").GetInt32());
            baseline = await GetAsync(anonymous, "/api/bodies/pc-hue/petition-figures");
        }

        _clock.Advance(TimeSpan.FromDays(62));
        await using (var node = await TestNode.StartAsync(_store.Store, clock: _clock))
        {
            using var anonymous = node.Anonymous();
            using var secretariat = await node.SignInAsync("secretariat.hue");
            Assert.Equal(System.Net.HttpStatusCode.OK, (await secretariat.Http.GetAsync($"/api/petitions/{id}/submitters", TestContext.Current.CancellationToken)).StatusCode);
            var overdue = await Ledger.Eventually(anonymous, "/api/petitions?window=overdue&body=pc-hue",
                p => p.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("petitionId").GetGuid() == id));
            var timeline = (await GetAsync(anonymous, $"/api/petitions/{id}")).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("type").GetString());
            // The 7-day reminder's time went by while no server ran: only the overdue is recorded, once.
            Assert.Equal(["petition_filed", "petition_routed", "petition_overdue"], timeline);

            using var committee = await node.SignInAsync("officer.hue-committee");
            AcceptedVersion(await PostAsync(committee.Http, $"/api/petitions/{id}/answers", new { markdown = "Trả lời muộn.", outcome = "explained" }));
            var figures = await GetAsync(anonymous, "/api/bodies/pc-hue/petition-figures");
            int Delta(string name) => figures.GetProperty(name).GetInt32() - baseline.GetProperty(name).GetInt32();
            Assert.Equal((1, 0, 1, 0, 0), (Delta("answered"), Delta("answeredOnTime"), Delta("answeredLate"), Delta("overdueNow"), Delta("resolved")));
        }
    }
}
