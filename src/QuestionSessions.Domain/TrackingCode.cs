namespace QuestionSessions.Domain;

/// <summary>
/// The short code a voter types to follow a petition or a request: a prefix and the last 40 bits of the id in
/// Crockford's base 32, in two groups of four ("KN-7F3Q-2M9X"). The last bits, because a version-7 id begins
/// with its timestamp (two filings in the same quarter second would share their first 40 bits) and ends with
/// random ones; a derived id (<see cref="DerivedId"/>) is random throughout. Crockford's alphabet has no I, L, O or U, so
/// a code read aloud or copied by hand survives: <see cref="Normalize"/> reads O as 0 and I or L as 1, and
/// ignores case, spaces and hyphens. 40 bits leave a collision among a million codes at about one in two
/// thousand; the directories hold the code unique, and the filing retries with a fresh id if it ever clashes.
/// </summary>
public static class TrackingCode
{
    public const string Petition = "KN";
    public const string Explanation = "GT";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Of(string prefix, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        ulong bits = 0;
        for (var i = 11; i < 16; i++)
        {
            bits = (bits << 8) | bytes[i];
        }

        Span<char> code = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            code[i] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return $"{prefix}-{code[..4]}-{code[4..]}";
    }

    /// <summary>The code as stored ("KN-7F3Q-2M9X"), or null when the text cannot be one with this prefix.</summary>
    public static string? Normalize(string prefix, string? text)
    {
        if (text is null || text.Length > 40)
        {
            return null;
        }

        var chars = new List<char>(10);
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }

            chars.Add(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }

        var body = new string([.. chars]);
        if (!body.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        body = body[prefix.Length..];
        return body.Length == 8 && body.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? $"{prefix}-{body[..4]}-{body[4..]}" : null;
    }
}
