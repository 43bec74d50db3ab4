namespace QuestionSessions.Runtime.Storage.Sqlite;

/// <summary>The SQLite schema; each statement is idempotent so initialising twice is harmless.</summary>
internal static class SqliteSchema
{
    // STRICT keeps text as text (the hash covers exact bytes). recorded_at and taken_at are UTC unix
    // microseconds, which round-trip exactly. position is the rowid, so feed reads need no extra
    // index; AUTOINCREMENT keeps a position from ever being reused.
    /// <summary>The events table on its own, so a benchmark baseline can make a table of the same shape.</summary>
    public const string EventsTable = """
        CREATE TABLE IF NOT EXISTS events (
            position    INTEGER PRIMARY KEY AUTOINCREMENT,
            stream_id   TEXT    NOT NULL,
            version     INTEGER NOT NULL CHECK (version >= 1),
            type        TEXT    NOT NULL,
            data        TEXT    NOT NULL,
            metadata    TEXT    NOT NULL,
            recorded_at INTEGER NOT NULL,
            prev_hash   TEXT    NOT NULL,
            hash        TEXT    NOT NULL,
            UNIQUE (stream_id, version)
        ) STRICT;
        """;

    public const string Create = EventsTable + """

        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key        TEXT    NOT NULL PRIMARY KEY,
            stream_id  TEXT    NOT NULL,
            result     TEXT,
            created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE IF NOT EXISTS snapshots (
            stream_id TEXT    NOT NULL PRIMARY KEY,
            version   INTEGER NOT NULL,
            data      TEXT    NOT NULL,
            taken_at  INTEGER NOT NULL
        ) STRICT;
        """;

    public const string EventColumns = "position, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash";
}
