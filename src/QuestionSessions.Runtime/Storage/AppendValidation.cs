namespace QuestionSessions.Runtime.Storage;

/// <summary>Shape checks every provider runs before touching the database.</summary>
internal static class AppendValidation
{
    public static void Validate(AppendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.StreamId);
        ArgumentOutOfRangeException.ThrowIfNegative(request.ExpectedVersion);
        ArgumentNullException.ThrowIfNull(request.Events);
        if (request.Events.Count == 0)
        {
            throw new ArgumentException("An append needs at least one event.", nameof(request));
        }

        foreach (var e in request.Events)
        {
            ArgumentNullException.ThrowIfNull(e);
            ArgumentException.ThrowIfNullOrEmpty(e.Type);
            ArgumentNullException.ThrowIfNull(e.Data);
            ArgumentNullException.ThrowIfNull(e.Metadata);
        }

        // A result with no key would be silently dropped: the caller surely meant to pass a key.
        if (request.IdempotencyKey is null && request.IdempotencyResult is not null)
        {
            throw new ArgumentException("IdempotencyResult needs an IdempotencyKey.", nameof(request));
        }

        foreach (var write in request.Projections ?? [])
        {
            ArgumentNullException.ThrowIfNull(write);
            ArgumentException.ThrowIfNullOrEmpty(write.Sql);
            ArgumentNullException.ThrowIfNull(write.Parameters);
        }

        if (request.ExpectedHash is { } hash)
        {
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            {
                throw new ArgumentException("ExpectedHash must be 64 lowercase hex characters.", nameof(request));
            }

            if (request.ExpectedVersion == 0 && hash != EventHash.Genesis)
            {
                throw new ArgumentException("ExpectedHash of a new stream (version 0) is the genesis hash.", nameof(request));
            }
        }

        if (request.IdempotencyKey is { Length: 0 })
        {
            throw new ArgumentException("IdempotencyKey must not be empty.", nameof(request));
        }
    }

    public static void ValidateRead(string streamId, int maxCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
    }
}
