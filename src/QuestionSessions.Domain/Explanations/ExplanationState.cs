using System.Collections.Immutable;

namespace QuestionSessions.Domain.Explanations;

/// <summary>What the request's rules need; the timeline itself is its stream of events.</summary>
public sealed record ExplanationState
{
    public static ExplanationState Empty { get; } = new();

    public Guid RequestId { get; init; }

    public string Code { get; init; } = "";

    public ExplanationStatus Status { get; init; }

    public bool Exists => Status != ExplanationStatus.None;

    /// <summary>The agency handling the request now.</summary>
    public RequestedAgency? Agency { get; init; }

    /// <summary>Every agency the request has been at, the one it was filed with first and the current one last.</summary>
    public ImmutableList<RequestedAgency> AgencyHistory { get; init; } = [];

    public RequesterKind Kind { get; init; }

    /// <summary>The requester's subject id in the personal data table.</summary>
    public Guid RequesterId { get; init; }

    public int Represented { get; init; }

    public int Representatives { get; init; }

    public string Subject { get; init; } = "";

    public string Matter { get; init; } = "";

    public string? DecisionReference { get; init; }

    public FilingChannel Channel { get; init; }

    /// <summary>The requester consented to the matter and the explanation being shown in public, without their identity.</summary>
    public bool Publish { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The day by which the current agency accepts, refuses or redirects.</summary>
    public DateOnly? AcknowledgeBy { get; init; }

    /// <summary>When the acknowledgement clock last started: filing, or the last redirect.</summary>
    public DateTimeOffset AcknowledgeClockFrom { get; init; }

    /// <summary>Accepted or refused after the acknowledge-by day in force.</summary>
    public bool AcknowledgedLate { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>The explain-by day in force (after the extension, if any).</summary>
    public DateOnly? ExplainBy { get; init; }

    /// <summary>The explain-by day set on acceptance; the extension never hides it.</summary>
    public DateOnly? OriginalExplainBy { get; init; }

    /// <summary>When the explain-by day in force was set: acceptance, or the extension.</summary>
    public DateTimeOffset? ExplainClockFrom { get; init; }

    public bool Extended { get; init; }

    public DateTimeOffset? RefusedAt { get; init; }

    public RefusalGround? RefusalGround { get; init; }

    public string? RefusalReason { get; init; }

    public DateTimeOffset? ExplainedAt { get; init; }

    public bool ExplainedLate { get; init; }

    /// <summary>The explanation's text, kept so that a resent explanation is recognised as the same one.</summary>
    public string? Explanation { get; init; }

    public SatisfactionRating? Rating { get; init; }

    public string? RatingComment { get; init; }

    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>The acknowledge-by day that passed, while it is still the one in force (a redirect clears it).</summary>
    public DateOnly? AcknowledgementOverdueSince { get; init; }

    /// <summary>The explain-by day that passed, while it is still the one in force.</summary>
    public DateOnly? ExplanationOverdueSince { get; init; }

    /// <summary>Reminders sent, as (deadline, date), so a new date (a redirect, an extension) gets its own.</summary>
    public ImmutableHashSet<(ExplanationDeadline Deadline, DateOnly Date)> Reminders { get; init; } = [];

    public ImmutableHashSet<Guid> Meetings { get; init; } = [];

    /// <summary>When the last event happened: what feeds order by.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public int Redirects => Math.Max(0, AgencyHistory.Count - 1);

    /// <summary>Waiting for acknowledgement past its day.</summary>
    public bool AcknowledgementOverdue => Status == ExplanationStatus.Received && AcknowledgementOverdueSince is { } d && d == AcknowledgeBy;

    /// <summary>Waiting for the explanation past its day.</summary>
    public bool ExplanationIsOverdue => Status == ExplanationStatus.Accepted && ExplanationOverdueSince is { } d && d == ExplainBy;
}
