using System.Text;

namespace QuestionSessions.Domain.Tests;

/// <summary>What counts as text someone wrote, and how it is kept: the checks every decider uses.</summary>
public sealed class TextsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u200b\u200c\u200d\u2060\ufeff")]
    [InlineData("\0\0\0")]
    [InlineData("\u202e\u2066\u200f")]
    [InlineData("\u0001\u0007\u001f\u007f\u0085")]
    public void HasContent_is_false_for_text_of_spaces_controls_or_invisible_marks(string text) => Assert.False(Texts.HasContent(text));

    [Theory]
    [InlineData("Hỏi")]
    [InlineData("\u200bY tế\0")]
    public void HasContent_is_true_when_something_visible_is_written(string text) => Assert.True(Texts.HasContent(text));

    [Fact]
    public void Clean_composes_Vietnamese_and_drops_NUL_and_other_controls_but_keeps_lines_and_tabs()
    {
        var decomposed = "Hội đồng\0 nhân\u0007 dân\r\n\ttỉnh\u007f ".Normalize(NormalizationForm.FormD);

        var cleaned = Texts.Clean(decomposed);

        Assert.Equal("Hội đồng nhân dân\n\ttỉnh", cleaned);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Clean_on_one_line_turns_line_breaks_and_tabs_into_spaces()
    {
        Assert.Equal("Trần Văn An", Texts.Clean("Trần\nVăn\tAn", multiline: false));
    }

    [Fact]
    public void Clean_gives_what_removing_controls_then_composing_gives_for_any_mix_of_characters()
    {
        // Clean skips the copy and the composition for text that needs neither; built from the same rule the slow
        // way, every string must come out the same.
        static string Reference(string text, bool multiline)
        {
            var builder = new StringBuilder();
            foreach (var rune in text.EnumerateRunes())
            {
                if (!Rune.IsControl(rune))
                {
                    builder.Append(rune.ToString());
                }
                else if (rune.Value is '\n' or '\t')
                {
                    builder.Append(multiline ? (char)rune.Value : ' ');
                }
            }

            return builder.ToString().Normalize(NormalizationForm.FormC).Trim();
        }

        string[] pieces = ["a", "Đ", "ế", "e\u0301", "\u0302", " ", "\n", "\t", "\r", "\0", "\u0085", "\u007f", "\u200b", "\ud83d\ude00", "\ud800", "\udc00", "Ư", "\u00a0"];
        var random = new Random(20261203);
        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var multiline in new[] { true, false })
            {
                Assert.Equal(Reference(text, multiline), Texts.Clean(text, multiline));
            }
        }
    }

    [Fact]
    public void Clean_replaces_a_broken_surrogate_instead_of_throwing()
    {
        Assert.Equal("Y tế \ufffd", Texts.Clean("Y tế \ud800"));
    }

    [Theory]
    [InlineData("   ", null)]
    [InlineData("\u200b\0", null)]
    [InlineData(" Ghi chú\0 ", "Ghi chú")]
    public void CleanOrNull_keeps_only_text_that_says_something(string text, string? expected) => Assert.Equal(expected, Texts.CleanOrNull(text));

    [Theory]
    [InlineData("Nguyễn\u202eThị Hoa")]
    [InlineData("Nguyễn\u202aThị Hoa")]
    [InlineData("\u2066Bộ Y tế\u2069")]
    [InlineData("\u2067Bộ Y tế")]
    public void A_name_with_a_direction_override_or_isolate_is_not_a_line(string name)
    {
        Assert.True(Texts.HasDirectionControls(name));
        Assert.False(Texts.IsLine(name, 200));
    }

    [Theory]
    [InlineData("Nguyễn Thị Hoa", 200, true)]
    [InlineData("Nguyễn Thị\nHoa", 200, false)]
    [InlineData("\u200b\u200b", 200, false)]
    [InlineData("Nguyễn Thị Hoa", 5, false)]
    public void IsLine_wants_one_visible_line_within_the_limit(string text, int max, bool expected) => Assert.Equal(expected, Texts.IsLine(text, max));
}
