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

    /// <summary>Runs <c>qs import units</c> on a file of these rows (after the header), which must import whole.</summary>
    public static async Task ImportUnitsAsync(IReadOnlyList<string> store, params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"units-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, string.Join('\n', rows.Prepend("unit_id,kind,name,name_en,parent_id")) + "\n", TestContext.Current.CancellationToken);
        try
        {
            var (exit, output, error) = await QsAsync(["import", "units", path, .. store]);
            Assert.True(exit == CliApp.Ok, error);
            Assert.Contains($"established {rows.Length} bodies", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
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
