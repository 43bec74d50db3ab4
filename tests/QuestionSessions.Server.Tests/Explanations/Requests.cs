using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Explanations;

/// <summary>What a filing gave back: the request, its code, and the filer's secret.</summary>
internal sealed record Receipt(Guid RequestId, string Code, string Secret, string AcknowledgeBy)
{
    public Dictionary<string, string> SecretHeader => new() { ["X-Filer-Secret"] = Secret };

    public string ByCode => $"/api/explanations/by-code/{Code}";

    public string Path => $"/api/explanations/{RequestId}";
}

/// <summary>Steps the explanation tests share: filing, calls with headers, the deadline tick, and row counts.</summary>
internal static class Requests
{
    /// <summary>Monday 2 March 2026, 09:00 in Hanoi: five working days on is Monday 9 March, fifteen days on is 17 March.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));

    public const string Requester = "Nguyễn Thị Bảo Châu";
    public const string Contact = "chau.nguyen@example.vn";

    public static object Body(
        string agencyId = "na-a-health", string agencyBodyId = "na", bool publish = true, string name = Requester, string contact = Contact,
        string subject = "Quyết định thu hồi giấy phép phòng khám", string matter = "Đề nghị Bộ Y tế giải trình căn cứ thu hồi giấy phép hành nghề của phòng khám đa khoa.",
        int represented = 1, int representatives = 1, string kind = "person") =>
        new
        {
            agencyId, agencyBodyId, kind, represented, representatives, subject, matter, decisionReference = "Quyết định số 123/QĐ-BYT", publish,
            requester = new { fullName = name, contact, address = "12 Lê Lợi, phường Thuận Hóa", idNumber = "046190001234" },
        };

    public static async Task<Receipt> FileAsync(HttpClient http, object? body = null, string? key = null, string path = "/api/explanations")
    {
        var (status, json) = await Api.PostAsync(http, path, body ?? Body(), key is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = key });
        Assert.True(status == HttpStatusCode.Created, $"Expected 201 Created, got {(int)status}: {json}");
        return new Receipt(json.GetProperty("requestId").GetGuid(), json.GetProperty("code").GetString()!, json.GetProperty("secret").GetString()!,
            json.GetProperty("acknowledgeBy").GetString()!);
    }

    /// <summary>A GET with headers, answering its status and JSON whatever the status (Api.GetAsync wants a success).</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpClient http, string path, Dictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The JSON as text, to assert that something does not occur anywhere in it.</summary>
    public static async Task<string> TextAsync(HttpClient http, string path) =>
        await http.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    public static string? Code(JsonElement problem) =>
        problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>
    /// The request's deadline reminder ticks, as Orleans delivers it at the milestone's time: the test's clock
    /// moves by hand while the reminder service's timers keep real time, so the test delivers the tick itself.
    /// </summary>
    public static Task TickAsync(TestNode node, Guid requestId) =>
        node.Services.GetRequiredService<IGrainFactory>().GetGrain<IExplanationGrain>(requestId).AsReference<IRemindable>()
            .ReceiveReminder(DeadlineGrain<Domain.Explanations.ExplanationDecider, Domain.Explanations.ExplanationState,
                Domain.Explanations.ExplanationCommand, Domain.Explanations.ExplanationEvent>.DeadlineReminder, default);

    /// <summary>How many rows <paramref name="table"/> holds (personal_data, explanation_directory, search_documents…).</summary>
    public static async Task<long> RowsAsync(TestNode node, string table)
    {
        var store = node.Services.GetRequiredService<IEventStore>();
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = Sql.Command(connection, null, $"SELECT COUNT(*) FROM {table}");
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), CultureInfo.InvariantCulture);
    }

    public static Task<long> StreamVersionAsync(TestNode node, Guid requestId) =>
        node.Services.GetRequiredService<IEventStore>().GetStreamVersionAsync(ExplanationGrain.StreamId(requestId), TestContext.Current.CancellationToken);

    public static string Date(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
