using System.Net;
using System.Net.Http.Json;
using QuestionSessions.Cli;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>Signing in with any password, and running qs in-process with a password on its standard input.</summary>
internal static class AdminClient
{
    public static async Task<HttpClient> SignInAsync(Uri address, string username, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.PostAsJsonAsync("/api/auth/sign-in", new { username, password }, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{username} could not sign in: {(int)response.StatusCode}");
        return http;
    }

    /// <summary>An account made by an administrator, with the password given.</summary>
    public static async Task CreateAccountAsync(HttpClient admin, string username, string displayName, string password)
    {
        var (status, body) = await Infrastructure.Api.PostAsync(admin, "/api/admin/accounts", new { username, displayName, password });
        Assert.True(status == HttpStatusCode.OK, $"{username}: {(int)status} {body}");
    }

    public static async Task<(int Exit, string Output, string Error)> QsAsync(string[] args, string? stdin = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(stdin ?? "");
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken, input);
        return (exit, output.ToString(), error.ToString());
    }
}
