namespace QuestionSessions.Server.Accounts;

/// <summary>The <c>Authentication:Oidc</c> section: a national identity provider to sign in with. Unset, only local accounts sign in.</summary>
internal sealed class OidcOptions
{
    public const string Section = "Authentication:Oidc";

    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says, e.g. "VNeID".</summary>
    public string DisplayName { get; set; } = "VNeID";

    /// <summary>Space-separated; "openid" is always asked for.</summary>
    public string Scopes { get; set; } = "openid";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Metadata over plain http is allowed only from this machine (a provider started by a test or a developer).</summary>
    public bool AuthorityIsLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
