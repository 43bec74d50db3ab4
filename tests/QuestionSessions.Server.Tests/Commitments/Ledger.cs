using System.Text.Json;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>Steps the ledger tests share.</summary>
internal static class Ledger
{
    /// <summary>Opens the demo sitting and runs a deputy's question in the health cluster; the question's id.</summary>
    public static async Task<Guid> AskAsync(TestNode node, HttpClient chair)
    {
        using var deputy = await node.SignInAsync("na-d-002");
        AcceptedVersion(await SittingAsync(chair, DemoSitting, "/open"));
        AcceptedVersion(await SittingAsync(chair, DemoSitting, $"/clusters/{HealthCluster}/open"));
        var registered = await SittingAsync(deputy.Http, DemoSitting, "/registrations", new { clusterId = HealthCluster, text = "Khi nào có nghị định về đấu thầu thuốc?" });
        AcceptedVersion(registered);
        AcceptedVersion(await SittingAsync(chair, DemoSitting, "/speakers/next", new { count = 1 }));
        var question = await SittingAsync(chair, DemoSitting, "/turns", new { kind = "question", registrationId = Id(registered.Body) });
        AcceptedVersion(await SittingAsync(chair, DemoSitting, $"/turns/{Id(question.Body)}/end"));
        return (await SittingStateAsync(chair, DemoSitting)).GetProperty("turns")[0].GetProperty("questionIds")[0].GetGuid();
    }

    /// <summary>Reads <paramref name="path"/> until <paramref name="ready"/> holds: the ledger is filled by the intake, a moment after the sitting.</summary>
    public static async Task<JsonElement> Eventually(HttpClient http, string path, Func<JsonElement, bool> ready)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var page = await GetAsync(http, path);
            if (ready(page))
            {
                return page;
            }

            await Task.Delay(50, deadline.Token);
        }
    }
}
