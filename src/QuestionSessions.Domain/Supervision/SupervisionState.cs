using System.Collections.Immutable;

namespace QuestionSessions.Domain.Supervision;

/// <summary>What the topic's rules and deadlines need; the texts of reports, visits and findings live in the stream.</summary>
public sealed record SupervisionState
{
    public static SupervisionState Empty { get; } = new();

    public Guid TopicId { get; init; }

    public SupervisionStage Stage { get; init; }

    public bool Exists => Stage != SupervisionStage.None;

    public string BodyId { get; init; } = "";

    public string? Term { get; init; }

    public string Title { get; init; } = "";

    public string ScopeMarkdown { get; init; } = "";

    /// <summary>The delegation or committee that carries out the supervision, by name.</summary>
    public string AssignedTo { get; init; } = "";

    public string? DecisionReference { get; init; }

    public ImmutableList<SupervisedAgency> Supervised { get; init; } = [];

    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>When the last event happened: what lists of topics order by.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public DateOnly PlanDueBy { get; init; }

    /// <summary>When the first plan went out; amendments do not move it.</summary>
    public DateTimeOffset? PlanSentAt { get; init; }

    public bool PlanLate { get; init; }

    public string OutlineMarkdown { get; init; } = "";

    public DateOnly? ProgrammeSentOn { get; init; }

    public int PlanAmendments { get; init; }

    /// <summary>The working sessions of the programme in force.</summary>
    public ImmutableList<DateOnly> WorkingSessions { get; init; } = [];

    public ImmutableHashSet<EvidenceLink> Evidence { get; init; } = [];

    /// <summary>Reports received, by report id, with the agency that sent each.</summary>
    public ImmutableDictionary<Guid, string> Reports { get; init; } = ImmutableDictionary<Guid, string>.Empty;

    /// <summary>Every supplement request, in the order made (an agency may be asked more than once).</summary>
    public ImmutableList<SupplementRequest> SupplementRequests { get; init; } = [];

    /// <summary>Field visits, by visit id, with the day each was held.</summary>
    public ImmutableDictionary<Guid, DateOnly> Visits { get; init; } = ImmutableDictionary<Guid, DateOnly>.Empty;

    /// <summary>Seven days after the last field visit, once there is one.</summary>
    public DateOnly? DraftDueBy { get; init; }

    public ImmutableList<Guid> Findings { get; init; } = [];

    public DateTimeOffset? FirstFindingAt { get; init; }

    public ImmutableList<SupervisionRecommendation> Recommendations { get; init; } = [];

    public SupervisionResolution? Resolution { get; init; }

    public ImmutableHashSet<Guid> FollowUpEntries { get; init; } = [];

    public int FollowUps => FollowUpEntries.Count;

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The plan's due day passed without a plan, and that was recorded.</summary>
    public bool PlanOverdue { get; init; }

    /// <summary>The draft report's due day that passed without a finding, while it is still the one in force.</summary>
    public DateOnly? DraftOverdueFor { get; init; }

    public bool IsClosed => Stage == SupervisionStage.Closed;

    public SupervisedAgency? Agency(string agencyId) => Supervised.Find(a => a.AgencyId == agencyId);

    public IEnumerable<Guid> ReportsFrom(string agencyId) => Reports.Where(r => r.Value == agencyId).Select(r => r.Key);

    public SupervisionRecommendation? Recommendation(Guid recommendationId) => Recommendations.Find(r => r.RecommendationId == recommendationId);
}
