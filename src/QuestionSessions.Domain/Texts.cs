using System.Globalization;
using System.Text;

namespace QuestionSessions.Domain;

/// <summary>Checks on text that people type, shared by every decider.</summary>
public static class Texts
{
    /// <summary>
    /// True when the text says something: it has a character that is not white space, a control
    /// character or an invisible format character (zero-width spaces and joiners, direction marks).
    /// </summary>
    public static bool HasContent(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (!Rune.IsWhiteSpace(rune) && category is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Text with content, at most <paramref name="max"/> characters.</summary>
    public static bool Fits(string? text, int max) => HasContent(text) && text!.Length <= max;

    /// <summary>An absolute http(s) address of at most 2,000 characters.</summary>
    public static bool IsLink(string? text) =>
        text is { Length: > 0 and <= 2_000 }
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && !string.IsNullOrEmpty(uri.Host);
}
