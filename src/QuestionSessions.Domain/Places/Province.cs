namespace QuestionSessions.Domain.Places;

/// <summary>
/// One of the 34 provinces and centrally-run cities of the two-level structure (from 1 July 2025).
/// <see cref="ProvinceId"/> is the folded Vietnamese name with hyphens ("ha-noi", "ho-chi-minh"), the same
/// slug the province's People's Council carries in its body id ("pc-hue").
/// </summary>
public sealed record Province(string ProvinceId, string Name, string NameEn, bool IsCity);
