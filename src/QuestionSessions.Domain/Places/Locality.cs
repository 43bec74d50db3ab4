namespace QuestionSessions.Domain.Places;

/// <summary>
/// Where something happened under the two-level structure: a province (one of <see cref="Provinces.All"/>)
/// and, when known, a commune or ward of it by name (some 3,300 of them, renamed in 2025: a name, not a
/// fixed list).
/// </summary>
public sealed record Locality(string ProvinceId, string? Commune = null)
{
    public const int MaxCommune = 120;

    /// <summary>Why the locality is not one, or null.</summary>
    public string? Problem() =>
        Provinces.Find(ProvinceId) is null ? $"'{ProvinceId}' is not one of the 34 provinces."
        : Commune is not null && !Texts.Fits(Commune, MaxCommune) ? $"A commune or ward is named in at most {MaxCommune} characters."
        : null;
}
