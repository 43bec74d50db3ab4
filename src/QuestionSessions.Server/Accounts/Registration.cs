using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// Voters create their own account to follow items and file petitions online. It holds no grant: a role is given
/// by an administrator, never taken here. Rate limited per client address.
/// </summary>
internal static class Registration
{
    public static async Task<Results<Created<AccountEndpoints.Me>, ProblemHttpResult>> Register(
        NewAccountRequest request, AccountStore accounts, HttpContext http, CancellationToken cancellationToken)
    {
        if (AccountNames.Username(request.Username) is not { } username)
        {
            return Bad("username_invalid",
                "A username has 3 to 32 characters: Latin letters (Vietnamese ones included), digits, '.', '-' or '_', starting with a letter or digit.");
        }

        if (AccountNames.DisplayName(request.DisplayName) is not { } displayName)
        {
            return Bad("display_name_invalid", "A display name has 1 to 100 characters and no control or invisible formatting characters.");
        }

        if (PasswordRules.Problem(username, request.Password) is { } problem)
        {
            return Bad("password_weak", problem);
        }

        if (!await accounts.CreateAsync(username, displayName, request.Password, [], cancellationToken))
        {
            return (ProblemHttpResult)Problems.Problem(StatusCodes.Status409Conflict, "Username taken", "Another account has this username; choose another.", "username_taken");
        }

        var account = await accounts.FindAsync(username, cancellationToken)
            ?? throw new InvalidOperationException("An account just created could not be read back.");
        await SessionCookie.SignInAsync(http, account, cancellationToken);
        return TypedResults.Created("/api/auth/me", AccountEndpoints.Me.Of(account));
    }

    private static ProblemHttpResult Bad(string code, string detail) =>
        (ProblemHttpResult)Problems.Problem(StatusCodes.Status400BadRequest, "Cannot create this account", detail, code);

    internal sealed record NewAccountRequest(
        [property: Required, StringLength(100, MinimumLength = 1)] string Username,
        [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
        // Whitespace passes the shape check so that the password rule refuses it, with the same code as on every path.
        [property: Required(AllowEmptyStrings = true), StringLength(200, MinimumLength = 1)] string Password);
}

/// <summary>What a username and a display name may be. Both are compared and stored in Unicode form C.</summary>
internal static class AccountNames
{
    /// <summary>
    /// The username in its stored form (NFC, lower case), or null. Only Latin letters, so no name can pass for
    /// another in a look-alike script; format characters (bidi controls, zero-width joiners) never pass.
    /// </summary>
    public static string? Username(string raw)
    {
        var name = raw.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant();
        if (name.Length is < 3 or > 32 || !char.IsLetterOrDigit(name[0]))
        {
            return null;
        }

        return name.All(c => IsLatinLetter(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_') ? name : null;
    }

    public static string? DisplayName(string raw)
    {
        var name = raw.Trim().Normalize(NormalizationForm.FormC);
        var visible = name.Length is >= 1 and <= 100 && name.All(c => CharUnicodeInfo.GetUnicodeCategory(c) is not
            (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned));
        return visible ? name : null;
    }

    // Basic Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional (where Vietnamese letters live).
    private static bool IsLatinLetter(char c) =>
        char.IsLetter(c) && (c < 0x0250 || c is >= '\u1E00' and <= '\u1EFF');
}
