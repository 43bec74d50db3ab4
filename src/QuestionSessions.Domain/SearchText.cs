using System.Globalization;
using System.Text;

namespace QuestionSessions.Domain;

/// <summary>
/// Vietnamese text folded for search, so a voter typing without diacritics finds what was written with them:
/// "dat dai" finds "đất đai", "ho chi minh" finds "Hồ Chí Minh". Tone and vowel marks are dropped (the text is
/// decomposed and its combining marks removed), đ and Đ read as d, case is folded, invisible format and
/// control characters are dropped, and any run of white space or punctuation becomes one space. The same
/// function folds what is stored and what is asked, on either database.
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                space = folded.Length > 0;
                continue;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                or UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue;
            }

            if (!Rune.IsLetterOrDigit(rune))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            var lower = Rune.ToLowerInvariant(rune);
            if (lower.Value is 'đ')
            {
                folded.Append('d');
            }
            else
            {
                folded.Append(lower.ToString());
            }
        }

        return folded.ToString();
    }
}
