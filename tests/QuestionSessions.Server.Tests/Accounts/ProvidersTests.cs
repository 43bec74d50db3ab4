using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Without an identity provider configured, passwords are the only way in.</summary>
public sealed class ProvidersTests : SqliteNodeTest
{
    [Fact]
    public async Task Without_a_provider_only_passwords_are_offered_and_the_challenge_is_not_found()
    {
        using var http = Node.Anonymous();
        var providers = await GetAsync(http, "/api/auth/providers");
        Assert.True(providers.GetProperty("password").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, providers.GetProperty("oidc").ValueKind);

        using var challenge = await http.GetAsync("/api/auth/oidc/challenge?returnUrl=%2F", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
        Assert.Contains("oidc_not_configured", await challenge.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_anonymous_caller_cannot_link_an_identity()
    {
        using var http = Node.Anonymous();
        var (status, _) = await PostAsync(http, "/api/admin/accounts/x/external-logins", new { issuer = "https://vneid.example/", subject = "079201000001" });
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
