using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Calls the account tests share: a request carrying a saved cookie, as a copied cookie would be replayed.</summary>
internal static class Session
{
    /// <summary>The status of a call that needs a signed-in caller, sent with exactly this cookie header and no other.</summary>
    public static async Task<HttpStatusCode> ReplayAsync(Uri address, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out-everywhere");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    /// <summary>Whether /api/auth/me, asked with this client's cookies, says someone is signed in.</summary>
    public static async Task<bool> SignedInAsync(HttpClient http) =>
        (await http.GetFromJsonAsync<JsonElement>("/api/auth/me", TestContext.Current.CancellationToken)).GetProperty("signedIn").GetBoolean();

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SignInAsync(HttpClient http, string username, string password)
    {
        var response = await http.PostAsJsonAsync("/api/auth/sign-in", new { username, password }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }
}
