namespace QuestionSessions.Server.Cluster;

/// <summary>
/// The tables and queries Orleans' ADO.NET providers (membership, grain storage, reminders) need on
/// PostgreSQL, written for this project from the
/// providers' query contract (the query keys they look up in <c>OrleansQuery</c>, the parameters they bind,
/// the columns they read back) as of <see cref="OrleansTables.ContractVersion"/>. The tables are ours:
/// Orleans only knows the query keys, so names and types follow this project's conventions.
/// </summary>
internal static class PostgresOrleansTables
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey varchar(64) PRIMARY KEY,
            QueryText text NOT NULL);

        -- One row per cluster: the membership table's version, moved by every insert or update of a silo.
        CREATE TABLE IF NOT EXISTS orleans_cluster (
            cluster_id text PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            changed_at timestamptz NOT NULL DEFAULT now());

        CREATE TABLE IF NOT EXISTS orleans_silo (
            cluster_id text NOT NULL REFERENCES orleans_cluster (cluster_id) ON DELETE CASCADE,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer NOT NULL DEFAULT 0,
            suspect_times text NULL,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (cluster_id, address, port, generation));

        -- Grain state kept by Orleans (not the event-sourced aggregates): one row per state of a grain.
        -- Orleans sends the identity in clear text as well as hashed; the clear text is the key. An empty
        -- key extension and none are the same extension.
        CREATE TABLE IF NOT EXISTS orleans_grain_state (
            service_id text NOT NULL,
            state_name text NOT NULL,
            grain_id_n0 bigint NOT NULL,
            grain_id_n1 bigint NOT NULL,
            grain_id_extension text NULL,
            payload bytea NULL,
            version integer NOT NULL,
            modified_at timestamptz NOT NULL DEFAULT now());
        CREATE UNIQUE INDEX IF NOT EXISTS orleans_grain_state_identity
            ON orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, coalesce(grain_id_extension, ''));

        -- Reminders by service; grain_hash is the signed 32-bit ring position the provider binds.
        CREATE TABLE IF NOT EXISTS orleans_reminder (
            service_id text NOT NULL,
            grain_id text NOT NULL,
            reminder_name text NOT NULL,
            start_time timestamptz NOT NULL,
            period_ms bigint NOT NULL,
            grain_hash integer NOT NULL,
            version integer NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name));
        CREATE INDEX IF NOT EXISTS orleans_reminder_ring ON orleans_reminder (service_id, grain_hash);
        """;

    // The membership rows as the providers read them: the cluster's version on every row, and one row with
    // only the version (no StartTime) when the cluster has no silo that matches.
    private const string MembershipColumns = """
        c.version AS "Version", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
        s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
        s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
        """;

    public static readonly IReadOnlyDictionary<string, string> Queries = new Dictionary<string, string>(SharedOrleansQueries.StorageAndReminders("now()"))
    {
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO orleans_cluster (cluster_id) VALUES (@DeploymentId) ON CONFLICT (cluster_id) DO NOTHING RETURNING 1)
            SELECT count(*)::integer FROM created
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {MembershipColumns}
            FROM orleans_cluster c LEFT JOIN orleans_silo s ON s.cluster_id = c.cluster_id
            WHERE c.cluster_id = @DeploymentId
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {MembershipColumns}
            FROM orleans_cluster c LEFT JOIN orleans_silo s ON s.cluster_id = c.cluster_id
                AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
            WHERE c.cluster_id = @DeploymentId
            """,
        // The version moves only if it is still the one the silo read (@Version) and the silo is new; the row
        // lock the UPDATE takes makes concurrent inserts wait and then find the version moved.
        ["InsertMembershipKey"] = """
            WITH moved AS (
                UPDATE orleans_cluster SET version = version + 1, changed_at = now()
                WHERE cluster_id = @DeploymentId AND version = @Version
                  AND NOT EXISTS (SELECT 1 FROM orleans_silo WHERE cluster_id = @DeploymentId
                      AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING cluster_id),
            inserted AS (
                INSERT INTO orleans_silo (cluster_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM moved
                RETURNING 1)
            SELECT count(*)::integer FROM inserted
            """,
        ["UpdateMembershipKey"] = """
            WITH moved AS (
                UPDATE orleans_cluster SET version = version + 1, changed_at = now()
                WHERE cluster_id = @DeploymentId AND version = @Version
                  AND EXISTS (SELECT 1 FROM orleans_silo WHERE cluster_id = @DeploymentId
                      AND address = @Address AND port = @Port AND generation = @Generation)
                RETURNING cluster_id),
            updated AS (
                UPDATE orleans_silo s SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                FROM moved WHERE s.cluster_id = moved.cluster_id AND s.address = @Address AND s.port = @Port AND s.generation = @Generation
                RETURNING 1)
            SELECT count(*)::integer FROM updated
            """,
        // Liveness only: it does not move the table's version, and a late heartbeat never moves time back.
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE orleans_silo SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
            WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_silo WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleans_cluster WHERE cluster_id = @DeploymentId
            """,
        // Silos long dead (status 6, SiloStatus.Dead) that stopped reporting before the given time.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_silo WHERE cluster_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status = 6
            """,

        // No version (never written): insert, unless a row exists. A version: update that version only. Either
        // way the new version comes back, or no row on a conflict.
        ["WriteToStorageKey"] = $"""
            WITH inserted AS (
                INSERT INTO orleans_grain_state (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
                SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
                WHERE @GrainStateVersion IS NULL
                ON CONFLICT DO NOTHING
                RETURNING version),
            updated AS (
                UPDATE orleans_grain_state SET payload = @PayloadBinary, version = version + 1, modified_at = now()
                WHERE @GrainStateVersion IS NOT NULL AND {SharedOrleansQueries.GrainIdentity} AND version = @GrainStateVersion
                RETURNING version)
            SELECT version AS "NewGrainStateVersion" FROM inserted UNION ALL SELECT version FROM updated
            """,

        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM orleans_reminder
                WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
                RETURNING 1)
            SELECT count(*)::integer FROM deleted
            """,
    };
}
