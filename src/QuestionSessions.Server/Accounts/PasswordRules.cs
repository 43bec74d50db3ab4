namespace QuestionSessions.Server.Accounts;

/// <summary>What a password set by an administrator or by <c>qs admin create</c> must be: long, and not the username.</summary>
internal static class PasswordRules
{
    public const int MinLength = 12;

    /// <summary>Why the password is refused, or null.</summary>
    public static string? Problem(string username, string password)
    {
        if (string.IsNullOrWhiteSpace(password) || password.Length < MinLength)
        {
            return $"A password has at least {MinLength} characters.";
        }

        if (password.Distinct().Count() < 4)
        {
            return "A password uses at least 4 different characters.";
        }

        return password.Contains(username.Trim(), StringComparison.OrdinalIgnoreCase) ? "A password does not contain the username." : null;
    }
}
