using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Domain.Places;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Petitions;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Supervision;

/// <summary>Steps the supervision tests share: a topic of the National Assembly on medicines, and a petition to cite.</summary>
internal static class Topics
{
    public const string Scope = "Giám sát việc **cung ứng thuốc** tại bệnh viện tuyến tỉnh <script>alert(1)</script> [x](javascript:alert(1))";

    public static object Decision(string title = "Việc bảo đảm thuốc, vật tư y tế cho bệnh viện tuyến tỉnh", object[]? supervised = null) => new
    {
        title,
        scopeMarkdown = Scope,
        assignedTo = "Ủy ban Xã hội của Quốc hội",
        decisionReference = "Nghị quyết số 12/NQ-UBTVQH16",
        supervised = supervised ?? [new { agencyId = "na-a-health" }, new { agencyId = "na-a-finance" }],
    };

    /// <summary>The secretariat of the National Assembly decides a topic; its id.</summary>
    public static async Task<Guid> DecideAsync(HttpClient secretariat, object? decision = null)
    {
        var decided = await PostAsync(secretariat, "/api/bodies/na/supervision", decision ?? Decision());
        AcceptedVersion(decided);
        return Id(decided.Body);
    }

    public static Task<JsonElement> DetailAsync(HttpClient http, Guid topicId) => GetAsync(http, $"/api/supervision/{topicId}");

    public static async Task<long> TopicVersionAsync(HttpClient http, Guid topicId) =>
        (await DetailAsync(http, topicId)).GetProperty("topic").GetProperty("version").GetInt64();

    /// <summary>The day <paramref name="days"/> after today in Hanoi on <paramref name="clock"/>, as the API writes dates.</summary>
    public static string Day(TimeProvider clock, int days) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Code(JsonElement problem) => problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>A voter's petition to the National Assembly, filed online straight through its grain (no petition endpoint is needed here).</summary>
    public static async Task<(Guid Id, string Code)> FilePetitionAsync(TestNode node, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var code = TrackingCode.Of(TrackingCode.Petition, id);
        var source = new PetitionSource(Guid.CreateVersion7(), SourceChannel.Online, null, null, new Locality("ha-noi"),
            "Bệnh viện tỉnh thiếu thuốc điều trị ung thư", 1, null);
        var grains = node.Services.GetRequiredService<IGrainFactory>();
        var reply = await grains.GetGrain<IPetitionGrain>(id).ExecuteAsync(
            new FilePetition(id, code, "na", PetitionField.Health, "Thiếu thuốc ở bệnh viện tỉnh", source, Actor.System, clock.GetUtcNow()),
            new CommandOptions(), TestContext.Current.CancellationToken);
        Assert.Equal(CommandOutcome.Accepted, reply.Outcome);
        return (id, code);
    }
}
