namespace QuestionSessions.Server.Cluster;

/// <summary>
/// The tables and queries of Orleans' ADO.NET grain storage and reminders on SQLite (the embedded default,
/// a cluster of one: membership is Orleans' localhost clustering), written for this project from the
/// providers' query contract as of <see cref="OrleansTables.ContractVersion"/>. The providers run each query
/// text on a connection of their own, and SQLite commits each statement of a text by itself: every write
/// here is one statement, or statements of which at most one can change anything.
/// </summary>
internal static class SqliteOrleansTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey TEXT NOT NULL PRIMARY KEY,
            QueryText TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            service_id TEXT NOT NULL,
            state_name TEXT NOT NULL,
            grain_id_n0 INTEGER NOT NULL,
            grain_id_n1 INTEGER NOT NULL,
            grain_id_extension TEXT NULL,
            payload BLOB NULL,
            version INTEGER NOT NULL,
            modified_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')));
        CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity
            ON orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, ifnull(grain_id_extension, ''));

        -- start_time is the text Microsoft.Data.Sqlite writes for a DateTime (UTC, 'yyyy-MM-dd HH:mm:ss.FFFFFFF').
        CREATE TABLE IF NOT EXISTS orleans_reminder (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            start_time TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            grain_hash INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name));
        CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);
        """;

    private const string GrainIdentity = """
        service_id = @ServiceId AND state_name = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
            AND ifnull(grain_id_extension, '') = ifnull(@GrainIdExtensionString, '')
        """;

    private const string ReminderColumns = """
        grain_id AS GrainId, reminder_name AS ReminderName, start_time AS StartTime, period_ms AS Period, version AS Version
        """;

    public static readonly IReadOnlyDictionary<string, string> Queries = new Dictionary<string, string>
    {
        ["ReadFromStorageKey"] = $"""
            SELECT payload AS PayloadBinary, version AS Version FROM orleans_grain_state WHERE {GrainIdentity}
            """,
        // Two statements, each atomic, and only one can write: the update needs a version, the insert none.
        ["WriteToStorageKey"] = $"""
            UPDATE orleans_grain_state SET payload = @PayloadBinary, version = version + 1,
                modified_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
            WHERE @GrainStateVersion IS NOT NULL AND {GrainIdentity} AND version = @GrainStateVersion
            RETURNING version AS NewGrainStateVersion;
            INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
            WHERE @GrainStateVersion IS NULL
            ON CONFLICT DO NOTHING
            RETURNING version AS NewGrainStateVersion;
            """,
        ["ClearStorageKey"] = $"""
            UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
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
        // changes() is this connection's last statement: the delete just before it.
        ["DeleteReminderRowKey"] = """
            DELETE FROM orleans_reminder
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version;
            SELECT changes();
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM orleans_reminder WHERE service_id = @ServiceId
            """,
    };
}
