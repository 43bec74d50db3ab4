using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace QuestionSessions.Domain;

/// <summary>Checks on text that people type, shared by every decider.</summary>
public static class Texts
{
    // The control characters (category Cc: U+0000..U+001F, U+007F..U+009F), less those long text keeps.
    private static readonly SearchValues<char> RemovedInLine = SearchValues.Create(ControlCharacters(keep: ""));

    private static readonly SearchValues<char> RemovedInLongText = SearchValues.Create(ControlCharacters(keep: "\n\t"));

    /// <summary>
    /// True when the text says something: it has a character that is not white space, a control
    /// character or an invisible format character (zero-width spaces and joiners, direction marks).
    /// </summary>
    public static bool HasContent([NotNullWhen(true)] string? text)
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

    /// <summary>
    /// A name or a title: text with content, at most <paramref name="max"/> characters, on one line, and with
    /// no direction controls, which would make it read differently on screen from what it is.
    /// </summary>
    public static bool IsLine(string? text, int max = int.MaxValue) =>
        Fits(text, max) && !HasDirectionControls(text) && text!.AsSpan().IndexOfAny('\n', '\r') < 0;

    /// <summary>
    /// True when the text holds an embedding, override or isolate (U+202A..U+202E, U+2066..U+2069): a name
    /// with one can show as another name, or reverse what is written after it on the page.
    /// </summary>
    public static bool HasDirectionControls(string? text) =>
        text is not null
        && (text.AsSpan().IndexOfAnyInRange('\u202A', '\u202E') >= 0 || text.AsSpan().IndexOfAnyInRange('\u2066', '\u2069') >= 0);

    /// <summary>
    /// Text as it is kept: composed (NFC, so the same Vietnamese word is always the same characters),
    /// without NUL and other control characters (a line break and a tab stay in long text, with a
    /// carriage return dropped), with broken surrogates replaced, trimmed.
    /// </summary>
    public static string Clean(string text, bool multiline = true)
    {
        // Nearly all text is already clean and composed: then it is only trimmed, without a copy or a call into ICU.
        var span = text.AsSpan();
        var dirty = span.IndexOfAny(multiline ? RemovedInLongText : RemovedInLine) >= 0 || span.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;
        var kept = dirty ? Rebuilt(text, multiline) : text;
        return (kept.IsNormalized(NormalizationForm.FormC) ? kept : kept.Normalize(NormalizationForm.FormC)).Trim();
    }

    private static string ControlCharacters(string keep) =>
        new([.. Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(c => char.IsControl(c) && !keep.Contains(c))]);

    private static string Rebuilt(string text, bool multiline)
    {
        var builder = new StringBuilder(text.Length);
        Span<char> pair = stackalloc char[2];
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.Control)
            {
                // A broken surrogate comes out of the enumeration as U+FFFD.
                builder.Append(pair[..rune.EncodeToUtf16(pair)]);
            }
            else if (rune.Value is '\n' or '\t')
            {
                builder.Append(multiline ? (char)rune.Value : ' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>Optional text cleaned as <see cref="Clean"/> does, or null when it says nothing.</summary>
    public static string? CleanOrNull(string? text, bool multiline = true) => HasContent(text) ? Clean(text!, multiline) : null;

    /// <summary>An absolute http(s) address of at most 2,000 characters.</summary>
    public static bool IsLink(string? text) =>
        text is { Length: > 0 and <= 2_000 }
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && !string.IsNullOrEmpty(uri.Host);
}
