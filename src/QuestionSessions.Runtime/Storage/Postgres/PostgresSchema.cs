namespace QuestionSessions.Runtime.Storage.Postgres;

/// <summary>The PostgreSQL schema and the names the store matches errors against.</summary>
internal static class PostgresSchema
{
    public const string StreamVersionConstraint = "events_stream_version";
    public const string IdempotencyKeyConstraint = "idempotency_keys_pkey";

    /// <summary>Serialises schema creation across nodes: concurrent CREATE ... IF NOT EXISTS can still collide.</summary>
    public const long InitializeLockKey = 0x7173_5f73_6368_656d; // "qs_schem"

    // data and metadata are text, never jsonb: jsonb re-orders keys and re-formats numbers, and the
    // hash covers the exact bytes. transaction_id is assigned by the first write of the appending
    // transaction and orders the gap-safe feed together with position.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS events (
            position       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
            stream_id      text        NOT NULL,
            version        bigint      NOT NULL CHECK (version >= 1),
            type           text        NOT NULL,
            data           text        NOT NULL,
            metadata       text        NOT NULL,
            recorded_at    timestamptz NOT NULL,
            prev_hash      text        NOT NULL,
            hash           text        NOT NULL,
            CONSTRAINT events_stream_version UNIQUE (stream_id, version)
        );

        CREATE INDEX IF NOT EXISTS events_feed ON events (transaction_id, position);

        CREATE TABLE IF NOT EXISTS idempotency_keys (
            key        text        NOT NULL,
            stream_id  text        NOT NULL,
            result     text,
            created_at timestamptz NOT NULL,
            CONSTRAINT idempotency_keys_pkey PRIMARY KEY (key)
        );

        CREATE TABLE IF NOT EXISTS snapshots (
            stream_id text        NOT NULL PRIMARY KEY,
            version   bigint      NOT NULL,
            data      text        NOT NULL,
            taken_at  timestamptz NOT NULL
        );
        """;

    /// <summary>True when every object of <see cref="Create"/> exists (in the search path).</summary>
    public const string Exists = """
        SELECT to_regclass('events') IS NOT NULL AND to_regclass('events_feed') IS NOT NULL
           AND to_regclass('idempotency_keys') IS NOT NULL AND to_regclass('snapshots') IS NOT NULL
        """;

    public const string EventColumns = "position, stream_id, version, type, data, metadata, recorded_at, prev_hash, hash";
}
