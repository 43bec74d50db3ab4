using QuestionSessions.Domain.Places;

namespace QuestionSessions.Domain.Tests;

public sealed class ProvincesTests
{
    [Fact]
    public void There_are_34_provinces_with_distinct_ids_and_six_cities()
    {
        Assert.Equal(34, Provinces.All.Count);
        Assert.Equal(34, Provinces.All.Select(p => p.ProvinceId).Distinct().Count());
        Assert.Equal(["can-tho", "da-nang", "ha-noi", "hai-phong", "ho-chi-minh", "hue"], Provinces.All.Where(p => p.IsCity).Select(p => p.ProvinceId).Order());
    }

    [Theory]
    [InlineData("Đắk Lắk", "dak-lak")]
    [InlineData("Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Thanh Hóa", "thanh-hoa")]
    public void Ids_are_the_folded_names(string name, string id)
    {
        Assert.Equal(id, Provinces.Slug(name));
        Assert.Equal(name, Provinces.Find(id)?.Name);
    }

    [Theory]
    [InlineData("hue", null, true)]
    [InlineData("hue", "Phường Thuận Hóa", true)]
    [InlineData("hue", "\u200b", false)]
    [InlineData("ha-tay", null, false)]
    [InlineData("", null, false)]
    public void A_locality_names_a_province_and_maybe_a_commune(string province, string? commune, bool valid) =>
        Assert.Equal(valid, new Locality(province, commune).Problem() is null);

    [Theory]
    [InlineData("pc-hue", "hue")]
    [InlineData("pc-hue-thuan-hoa", "hue")]
    [InlineData("pc-ho-chi-minh", "ho-chi-minh")]
    [InlineData("pc-ho-chi-minh-ben-thanh", "ho-chi-minh")]
    [InlineData("pc-ha-noi-ba-dinh", "ha-noi")]
    [InlineData("na", null)]
    [InlineData("pc-atlantis", null)]
    [InlineData("pc-", null)]
    public void A_councils_body_id_names_its_province(string bodyId, string? province) =>
        Assert.Equal(province, Provinces.OfBody(bodyId)?.ProvinceId);
}
