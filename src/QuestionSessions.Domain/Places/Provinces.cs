using System.Collections.Frozen;

namespace QuestionSessions.Domain.Places;

/// <summary>The 34 provinces and cities (DOMAIN.md): 11 unchanged by the 2025 reform, 23 formed by merging.</summary>
public static class Provinces
{
    public static IReadOnlyList<Province> All { get; } =
    [
        City("Hà Nội", "Hanoi"),
        City("Huế", "Hue"),
        Of("Lai Châu", "Lai Chau"),
        Of("Điện Biên", "Dien Bien"),
        Of("Sơn La", "Son La"),
        Of("Lạng Sơn", "Lang Son"),
        Of("Quảng Ninh", "Quang Ninh"),
        Of("Thanh Hóa", "Thanh Hoa"),
        Of("Nghệ An", "Nghe An"),
        Of("Hà Tĩnh", "Ha Tinh"),
        Of("Cao Bằng", "Cao Bang"),
        Of("Tuyên Quang", "Tuyen Quang"),
        Of("Lào Cai", "Lao Cai"),
        Of("Thái Nguyên", "Thai Nguyen"),
        Of("Phú Thọ", "Phu Tho"),
        Of("Bắc Ninh", "Bac Ninh"),
        Of("Hưng Yên", "Hung Yen"),
        City("Hải Phòng", "Hai Phong"),
        Of("Ninh Bình", "Ninh Binh"),
        Of("Quảng Trị", "Quang Tri"),
        City("Đà Nẵng", "Da Nang"),
        Of("Quảng Ngãi", "Quang Ngai"),
        Of("Gia Lai", "Gia Lai"),
        Of("Khánh Hòa", "Khanh Hoa"),
        Of("Lâm Đồng", "Lam Dong"),
        Of("Đắk Lắk", "Dak Lak"),
        City("Hồ Chí Minh", "Ho Chi Minh City"),
        Of("Đồng Nai", "Dong Nai"),
        Of("Tây Ninh", "Tay Ninh"),
        City("Cần Thơ", "Can Tho"),
        Of("Vĩnh Long", "Vinh Long"),
        Of("Đồng Tháp", "Dong Thap"),
        Of("Cà Mau", "Ca Mau"),
        Of("An Giang", "An Giang"),
    ];

    private static readonly FrozenDictionary<string, Province> ById = All.ToFrozenDictionary(p => p.ProvinceId);

    public static Province? Find(string? provinceId) =>
        provinceId is not null && ById.TryGetValue(provinceId, out var province) ? province : null;

    /// <summary>
    /// The province a People's Council sits in, from its body id ("pc-hue", "pc-hue-thuan-hoa" → Huế); null for
    /// the National Assembly or an id that names no province. The longest matching slug wins.
    /// </summary>
    public static Province? OfBody(string? bodyId) =>
        bodyId is not null && bodyId.StartsWith("pc-", StringComparison.Ordinal)
            ? All.Where(p => bodyId.Length == p.ProvinceId.Length + 3
                    ? bodyId.EndsWith(p.ProvinceId, StringComparison.Ordinal)
                    : bodyId.StartsWith($"pc-{p.ProvinceId}-", StringComparison.Ordinal))
                .MaxBy(p => p.ProvinceId.Length)
            : null;

    /// <summary>The folded name with hyphens: "Hồ Chí Minh" → "ho-chi-minh".</summary>
    public static string Slug(string name) => SearchText.Fold(name).Replace(' ', '-');

    private static Province Of(string name, string nameEn) => new(Slug(name), name, nameEn, false);

    private static Province City(string name, string nameEn) => new(Slug(name), name, nameEn, true);
}
