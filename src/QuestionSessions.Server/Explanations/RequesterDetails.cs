using QuestionSessions.Server.PersonalData;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// The requester as the agency handling the request sees them: name, contact, address and identity number, or,
/// after an erasure, only that and when they were erased (the request itself stays, with nobody behind it).
/// </summary>
internal sealed record RequesterDetails(
    Guid SubjectId, string? FullName, string? Contact, string? Address, string? IdNumber, bool Erased, DateTimeOffset? ErasedAt)
{
    public static RequesterDetails From(PersonalDetails details) => new(
        details.SubjectId, details.FullName, details.Contact, details.Address, details.IdNumber, details.ErasedAt is not null, details.ErasedAt);
}
