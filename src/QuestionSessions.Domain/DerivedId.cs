using System.Security.Cryptography;
using System.Text;

namespace QuestionSessions.Domain;

/// <summary>
/// An id derived from what names a thing (its source, a purpose, an idempotency key): the first 16 bytes of
/// the SHA-256 of the text. The same text always gives the same id, so a retried request, a replayed feed or
/// a re-run seed names the same turn, commitment or clause as the first time.
/// </summary>
public static class DerivedId
{
    public static Guid Of(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
