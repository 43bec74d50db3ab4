using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>A node configured to sign in through a real OpenID Connect provider started for each test.</summary>
public abstract class OidcTest : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();

    private protected TestIdentityProvider Provider { get; private set; } = null!;

    private protected TestNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        Node = await TestNode.StartAsync(_store.Store, extra:
        [
            $"--Authentication:Oidc:Authority={Provider.Address}",
            $"--Authentication:Oidc:ClientId={TestIdentityProvider.ClientId}",
            $"--Authentication:Oidc:ClientSecret={TestIdentityProvider.ClientSecret}",
            "--Authentication:Oidc:DisplayName=VNeID",
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await Node.DisposeAsync();
        await Provider.DisposeAsync();
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Links the provider's <paramref name="subject"/> to the demo account <paramref name="username"/>, as an administrator; returns its user id.</summary>
    private protected async Task<string> LinkAsync(string username, string subject)
    {
        using var account = await Node.SignInAsync(username);
        var userId = (await GetAsync(account.Http, "/api/auth/me")).GetProperty("userId").GetString()!;
        using var admin = await Node.SignInAsync("admin");
        var (status, _) = await PostAsync(admin.Http, $"/api/admin/accounts/{userId}/external-logins", new { issuer = Provider.Issuer, subject });
        Assert.Equal(HttpStatusCode.OK, status);
        return userId;
    }
}
