namespace QuestionSessions.Server.PersonalData;

/// <summary>Whose details these are: a voter who filed a petition, or a person or organisation asking for an explanation.</summary>
public enum SubjectKind
{
    Petitioner,
    Requester,
}

/// <summary>
/// A petitioner's or requester's identity and contacts, as they gave them. Only the agency handling the
/// matter and the body's secretariat read these; nothing public does. Erased details read back with every
/// field null and <see cref="ErasedAt"/> set, so a reference from the log still resolves to "erased".
/// </summary>
public sealed record PersonalDetails(
    Guid SubjectId,
    SubjectKind Kind,
    string? FullName,
    string? Contact,
    string? Address,
    string? IdNumber,
    string? AccountId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ErasedAt);
