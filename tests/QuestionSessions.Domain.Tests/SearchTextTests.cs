namespace QuestionSessions.Domain.Tests;

/// <summary>Search ignores Vietnamese diacritics and case, with đ/Đ read as d (issue 10's search builds on it).</summary>
public sealed class SearchTextTests
{
    [Theory]
    [InlineData("đất đai", "dat dai")]
    [InlineData("ĐẤT ĐAI", "dat dai")]
    [InlineData("Hồ Chí Minh", "ho chi minh")]
    [InlineData("Thừa Thiên Huế", "thua thien hue")]
    [InlineData("Nguyễn Thị Lan", "nguyen thi lan")]
    [InlineData("  Bảo hiểm   y tế, thuốc; vật tư… ", "bao hiem y te thuoc vat tu")]
    [InlineData("Trạm\u200by tế\u0000xã", "tramy texa")]
    [InlineData("Bảo hiểm\ny tế\txã", "bao hiem y te xa")]
    [InlineData("Quyết định 45/2026/QĐ-UBND", "quyet dinh 45 2026 qd ubnd")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folds_marks_case_dd_and_separators(string? text, string expected) => Assert.Equal(expected, SearchText.Fold(text));

    [Fact]
    public void Composed_and_decomposed_forms_fold_alike()
    {
        const string composed = "Hội đồng nhân dân";
        var decomposed = composed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(composed, decomposed);
        Assert.Equal(SearchText.Fold(composed), SearchText.Fold(decomposed));
        Assert.Contains(SearchText.Fold("dat dai"), SearchText.Fold("Tranh chấp ĐẤT ĐAI ở xã"), StringComparison.Ordinal);
    }
}
