using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>Small calls on the sitting API, returning status and JSON so tests can assert on both.</summary>
internal static class Api
{
    public static readonly Guid DemoSitting = Guid.Parse("0199a000-0000-7000-8000-000000000001");
    public static readonly Guid HealthCluster = Guid.Parse("0199a000-0000-7000-8000-000000000011");
    public static readonly Guid EducationCluster = Guid.Parse("0199a000-0000-7000-8000-000000000012");
    public static readonly Guid PastDemoSitting = Guid.Parse("0199a000-0000-7000-8000-000000000101");
    public static readonly Guid LiveDemoSitting = Guid.Parse("0199a000-0000-7000-8000-000000000201");

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        HttpClient http, string path, object? body = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ReadAsync(response));
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> SittingAsync(HttpClient http, Guid sittingId, string action, object? body = null, IDictionary<string, string>? headers = null) =>
        PostAsync(http, $"/api/sittings/{sittingId}{action}", body, headers);

    public static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await ReadAsync(response);
    }

    public static Task<JsonElement> SittingStateAsync(HttpClient http, Guid sittingId) => GetAsync(http, $"/api/sittings/{sittingId}");

    /// <summary>The sitting's whole published transcript (one page: the tests publish fewer segments than a page holds).</summary>
    public static async Task<List<JsonElement>> TranscriptAsync(HttpClient http, Guid sittingId) =>
        [.. (await GetAsync(http, $"/api/sittings/{sittingId}/transcript")).EnumerateArray()];

    public static async Task<long> VersionAsync(HttpClient http, Guid sittingId) =>
        (await SittingStateAsync(http, sittingId)).GetProperty("version").GetInt64();

    public static Guid Id(JsonElement accepted) => accepted.GetProperty("id").GetGuid();

    /// <summary>Every version from <paramref name="first"/> to <paramref name="last"/>: what a viewer must receive, exactly.</summary>
    public static List<long> Versions(long first, long last) => [.. Enumerable.Range((int)first, (int)(last - first + 1)).Select(v => (long)v)];

    /// <summary>Asserts the command was accepted (200) and returns the sitting version it answered with.</summary>
    public static long AcceptedVersion((HttpStatusCode Status, JsonElement Body) response)
    {
        Assert.True(response.Status == HttpStatusCode.OK, $"Expected 200 OK, got {(int)response.Status}: {response.Body}");
        return response.Body.GetProperty("version").GetInt64();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
