using System.Security.Cryptography;
using System.Text;

namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// The per-stream SHA-256 chain.
/// </summary>
/// <remarks>
/// Invariant: version 1 has <c>prev_hash</c> = <see cref="Genesis"/> (64 '0' characters); version n
/// has <c>prev_hash</c> = hash of version n-1; and
/// <c>hash = lowercase hex SHA-256(prev_hash as 64 ASCII hex characters ‖ CanonicalEvent bytes)</c>.
/// Both providers call only this class, so a chain written by one verifies on the other.
/// </remarks>
internal static class EventHash
{
    public static readonly string Genesis = new('0', 64);

    public static string Compute(string prevHash, string streamId, long version, string type, DateTimeOffset recordedAt, string data, string metadata)
    {
        var canonical = CanonicalEvent.Encode(streamId, version, type, recordedAt, data, metadata);
        var input = new byte[Encoding.UTF8.GetByteCount(prevHash) + canonical.Length];
        var prefix = Encoding.UTF8.GetBytes(prevHash, input);
        canonical.CopyTo(input.AsSpan(prefix));
        return Convert.ToHexStringLower(SHA256.HashData(input));
    }

    public static string Compute(StoredEvent stored) =>
        Compute(stored.PrevHash, stored.StreamId, stored.Version, stored.Type, stored.RecordedAt, stored.Data, stored.Metadata);

    /// <summary>
    /// Chains <paramref name="events"/> after the stream's current last event. Positions are not
    /// known yet (the database assigns them) and are not hashed, so they are left 0.
    /// </summary>
    public static IReadOnlyList<StoredEvent> Chain(
        string streamId, long lastVersion, string lastHash, IReadOnlyList<NewEvent> events, DateTimeOffset recordedAt)
    {
        var chained = new StoredEvent[events.Count];
        var prevHash = lastHash;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var version = lastVersion + 1 + i;
            var hash = Compute(prevHash, streamId, version, e.Type, recordedAt, e.Data, e.Metadata);
            chained[i] = new StoredEvent(streamId, version, 0, e.Type, e.Data, e.Metadata, recordedAt, prevHash, hash);
            prevHash = hash;
        }

        return chained;
    }
}
