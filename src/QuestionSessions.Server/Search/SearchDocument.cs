namespace QuestionSessions.Server.Search;

/// <summary>What the search finds.</summary>
public enum SearchKind
{
    Petition,
    Question,
    Answer,
    Commitment,
    Explanation,
    Supervision,
}

/// <summary>
/// One public document as the search index holds it. <see cref="ParentId"/> is where it is read in full when
/// that is not its own page (the sitting of a question or an answer).
/// </summary>
internal sealed record SearchDocument(
    SearchKind Kind,
    string Id,
    string BodyId,
    string Title,
    string Text,
    DateTimeOffset UpdatedAt,
    string? ProvinceId = null,
    string? Commune = null,
    string? Field = null,
    string? ParentId = null);
