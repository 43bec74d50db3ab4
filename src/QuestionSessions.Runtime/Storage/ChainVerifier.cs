namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// Checks a stream's events one at a time, in version order, so a provider can verify a long stream
/// while reading it without holding it all in memory. Stops at the first break.
/// </summary>
internal sealed class ChainVerifier(string streamId)
{
    private long expectedVersion = 1;
    private string previousHash = EventHash.Genesis;
    private long eventsChecked;
    private long? firstBrokenVersion;
    private string? reason;

    /// <summary>False once the chain is broken; the caller stops reading then.</summary>
    public bool Check(StoredEvent stored)
    {
        if (firstBrokenVersion is not null)
        {
            return false;
        }

        eventsChecked++;
        if (stored.Version != expectedVersion)
        {
            return Fail(expectedVersion, $"version {expectedVersion} is missing: the next stored version is {stored.Version}");
        }

        if (!string.Equals(stored.PrevHash, previousHash, StringComparison.Ordinal))
        {
            return Fail(stored.Version, stored.Version == 1
                ? "prev_hash of version 1 is not the genesis hash"
                : $"prev_hash does not equal the hash of version {stored.Version - 1}");
        }

        if (!string.Equals(EventHash.Compute(stored), stored.Hash, StringComparison.Ordinal))
        {
            return Fail(stored.Version, "the stored hash does not match the hash recomputed from the stored columns");
        }

        previousHash = stored.Hash;
        expectedVersion++;
        return true;
    }

    public ChainReport Report() => new(streamId, eventsChecked, firstBrokenVersion, reason);

    private bool Fail(long version, string why)
    {
        firstBrokenVersion = version;
        reason = why;
        return false;
    }
}
