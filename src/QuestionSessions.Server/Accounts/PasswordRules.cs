using System.Globalization;
using System.Text;

namespace QuestionSessions.Server.Accounts;

/// <summary>
/// The one rule for every password a person sets (self-registration, an administrator's account form, the admin API,
/// <c>qs admin create</c>), and the form every password is hashed and compared in. Length over composition rules
/// (NIST SP 800-63B): long, not the username, not one character repeated, nothing invisible. The demo seeder's
/// configured password is the one exception: it belongs to throwaway demo data, never to a real deployment.
/// </summary>
internal static class PasswordRules
{
    public const int MinLength = 12;

    /// <summary>
    /// The form a password is hashed and verified in: Unicode NFC, so a Vietnamese letter typed as one code point
    /// ("ệ", Telex/VNI keyboards) and as a letter with combining marks (some phone keyboards) is the same password.
    /// </summary>
    public static string Normalize(string password) => password.Normalize(NormalizationForm.FormC);

    /// <summary>Why the password is refused, or null. Characters are counted as a person sees them, after normalisation.</summary>
    public static string? Problem(string username, string password)
    {
        var normalized = Normalize(password);
        if (normalized.Any(char.IsControl))
        {
            return "A password has no control characters (tabs, line breaks and the like).";
        }

        if (string.IsNullOrWhiteSpace(normalized))
        {
            return "A password is not only spaces.";
        }

        if (new StringInfo(normalized).LengthInTextElements < MinLength)
        {
            return $"A password has at least {MinLength} characters.";
        }

        if (normalized.Distinct().Count() < 4)
        {
            return "A password uses at least 4 different characters.";
        }

        var name = username.Trim().Normalize(NormalizationForm.FormC);
        return name.Length > 0 && normalized.Contains(name, StringComparison.OrdinalIgnoreCase) ? "A password does not contain the username." : null;
    }
}
