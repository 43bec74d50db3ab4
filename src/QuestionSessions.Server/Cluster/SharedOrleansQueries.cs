namespace QuestionSessions.Server.Cluster;

/// <summary>
/// The grain-storage and reminder queries whose text is the same on PostgreSQL and SQLite (both read the
/// result columns by name, case-insensitively, so the aliases need no quoting). Each database adds the
/// writes that need its own dialect: <see cref="PostgresOrleansTables"/>, <see cref="SqliteOrleansTables"/>.
/// </summary>
internal static class SharedOrleansQueries
{
    /// <summary>Orleans sends a grain's identity in clear text as well as hashed; the clear text is the key.</summary>
    public const string GrainIdentity = """
        service_id = @ServiceId AND state_name = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
            AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
        """;

    private const string ReminderColumns = """
        grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
        """;

    /// <param name="now">The dialect's current time, in the form its modified_at column keeps.</param>
    public static Dictionary<string, string> StorageAndReminders(string now) => new()
    {
        ["ReadFromStorageKey"] = $"""
            SELECT payload AS PayloadBinary, version AS Version FROM orleans_grain_state WHERE {GrainIdentity}
            """,
        ["ClearStorageKey"] = $"""
            UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = {now}
            WHERE {GrainIdentity} AND version = @GrainStateVersion
            RETURNING version AS NewGrainStateVersion
            """,
        ["DeleteStorageKey"] = $"""
            DELETE FROM orleans_grain_state WHERE {GrainIdentity} AND version = @GrainStateVersion
            RETURNING version + 1 AS NewGrainStateVersion
            """,

        ["ReadReminderRowsKey"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminder WHERE service_id = @ServiceId AND grain_id = @GrainId
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminder WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
            """,
        // A range of the ring (begin, end] of signed 32-bit positions: one piece when begin < end, else the two ends.
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminder WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns} FROM orleans_reminder WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO orleans_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
            VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET start_time = excluded.start_time,
                period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = orleans_reminder.version + 1
            RETURNING version AS Version
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminder WHERE service_id = @ServiceId
            """,
    };
}
