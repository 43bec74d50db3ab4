namespace QuestionSessions.Server.Cluster;

/// <summary>
/// The co-hosted Orleans silo (configuration section <c>Orleans</c>). On SQLite the silo is a cluster of
/// one on localhost; on PostgreSQL every server process over the same database and <see cref="ClusterId"/>
/// joins one cluster through the membership table there.
/// </summary>
internal sealed class ClusterSettings
{
    public string ClusterId { get; set; } = "questionsessions";

    /// <summary>Stays the same across deployments: grain storage and reminders are kept under it.</summary>
    public string ServiceId { get; set; } = "questionsessions";

    /// <summary>Silo-to-silo TCP port; 0 takes a free one (tests, several nodes on one machine).</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients outside the cluster; 0 takes a free one.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one on. Default: loopback on SQLite (one node); on PostgreSQL the
    /// first address of this host that is not loopback, or loopback when it has none.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How long a silo waits for a probe's answer before counting it missed.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row after which a silo votes another dead.</summary>
    public int MissedProbesLimit { get; set; } = 2;

    /// <summary>Votes needed to declare a silo dead (capped by the silos alive to vote).</summary>
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>A grain call with no answer after this long fails; the API answers 503 with Retry-After.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>An idle grain is deactivated (and snapshotted) after this long.</summary>
    public TimeSpan GrainCollectionAge { get; set; } = TimeSpan.FromMinutes(15);
}
