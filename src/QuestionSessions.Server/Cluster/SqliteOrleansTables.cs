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
            ON orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, coalesce(grain_id_extension, ''));

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

    public static readonly IReadOnlyDictionary<string, string> Queries = new Dictionary<string, string>(
        SharedOrleansQueries.StorageAndReminders("strftime('%Y-%m-%d %H:%M:%f', 'now')"))
    {
        // Two statements, each atomic, and only one can write: the update needs a version, the insert none.
        ["WriteToStorageKey"] = $"""
            UPDATE orleans_grain_state SET payload = @PayloadBinary, version = version + 1,
                modified_at = strftime('%Y-%m-%d %H:%M:%f', 'now')
            WHERE @GrainStateVersion IS NOT NULL AND {SharedOrleansQueries.GrainIdentity} AND version = @GrainStateVersion
            RETURNING version AS NewGrainStateVersion;
            INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
            SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
            WHERE @GrainStateVersion IS NULL
            ON CONFLICT DO NOTHING
            RETURNING version AS NewGrainStateVersion;
            """,

        // changes() is this connection's last statement: the delete just before it.
        ["DeleteReminderRowKey"] = """
            DELETE FROM orleans_reminder
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version;
            SELECT changes();
            """,
    };
}
