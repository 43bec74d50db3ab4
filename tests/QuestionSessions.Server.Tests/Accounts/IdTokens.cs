using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Takes apart an ID token the provider issued and puts together the forged or altered ones the refusal tests send.</summary>
internal static class IdTokens
{
    /// <summary>The claims of a compact JWT, unverified.</summary>
    public static JsonObject Claims(string jwt) =>
        JsonNode.Parse(Base64UrlEncoder.Decode(jwt.Split('.')[1]))!.AsObject();

    /// <summary>The token's claims changed by <paramref name="change"/>, signed afresh with <paramref name="key"/>.</summary>
    public static string Resign(string jwt, SigningCredentials key, Action<JsonObject>? change = null)
    {
        var claims = Claims(jwt);
        change?.Invoke(claims);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(claims.ToJsonString(), key);
    }

    /// <summary>The token's claims changed, its header and signature kept: what an attacker who edits a token in transit sends.</summary>
    public static string Alter(string jwt, Action<JsonObject> change)
    {
        var parts = jwt.Split('.');
        var claims = Claims(jwt);
        change(claims);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(claims.ToJsonString())}.{parts[2]}";
    }

    /// <summary>The same claims under <c>"alg":"none"</c> and no signature.</summary>
    public static string Unsigned(string jwt) =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{jwt.Split('.')[1]}.";

    /// <summary>A fresh RSA key that no provider publishes.</summary>
    public static SigningCredentials UnpublishedKey() =>
        new(new RsaSecurityKey(RSA.Create(2048)) { KeyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) }, SecurityAlgorithms.RsaSha256);
}
