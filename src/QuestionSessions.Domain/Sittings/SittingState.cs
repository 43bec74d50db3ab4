using System.Collections.Immutable;
using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Domain.Sittings;

/// <summary>
/// A questioning sitting as its events built it: what the rules need to decide the next step. Everything
/// here is public record (names of deputies and officials, their questions, answers and commitments). The
/// transcript's text is not: it grows with every segment and no rule reads it, so it is a projection.
/// </summary>
public sealed record SittingState
{
    public static SittingState Empty { get; } = new();

    public Guid SittingId { get; init; }

    public string BodyId { get; init; } = "";

    public string Title { get; init; } = "";

    public DateTimeOffset StartsAt { get; init; }

    public RulesProfile? Rules { get; init; }

    public SittingStatus Status { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public ImmutableList<ClusterState> Clusters { get; init; } = [];

    public Guid? OpenClusterId { get; init; }

    public ImmutableList<QuestionState> Questions { get; init; } = [];

    public ImmutableList<RegistrationState> Registrations { get; init; } = [];

    public TurnState? CurrentTurn { get; init; }

    /// <summary>Finished turns in the order they were spoken.</summary>
    public ImmutableList<TurnState> Turns { get; init; } = [];

    /// <summary>Ids of the transcript segments published, so publishing one again changes nothing.</summary>
    public ImmutableHashSet<Guid> PublishedSegments { get; init; } = [];

    public ImmutableList<CommitmentState> Commitments { get; init; } = [];

    public string? VideoUrl { get; init; }

    public ClusterState? OpenCluster => OpenClusterId is { } id ? Cluster(id) : null;

    public ClusterState? Cluster(Guid clusterId) => Clusters.Find(c => c.ClusterId == clusterId);

    public QuestionState? Question(Guid questionId) => Questions.Find(q => q.QuestionId == questionId);

    public RegistrationState? Registration(Guid registrationId) => Registrations.Find(r => r.RegistrationId == registrationId);

    /// <summary>Waiting registrations of a cluster in the order the chair will call them.</summary>
    public IEnumerable<RegistrationState> Queue(Guid clusterId) =>
        Cluster(clusterId)?.Queue.Select(id => Registration(id)!) ?? [];

    public bool TurnIdUsed(Guid turnId) => CurrentTurn?.TurnId == turnId || Turns.Exists(t => t.TurnId == turnId);

    internal SittingState WithCluster(Guid clusterId, Func<ClusterState, ClusterState> change) =>
        this with { Clusters = Clusters.Select(c => c.ClusterId == clusterId ? change(c) : c).ToImmutableList() };

    internal SittingState WithQuestions(Func<QuestionState, bool> which, Func<QuestionState, QuestionState> change) =>
        this with { Questions = Questions.Select(q => which(q) ? change(q) : q).ToImmutableList() };

    internal SittingState WithRegistrations(Func<RegistrationState, bool> which, Func<RegistrationState, RegistrationState> change) =>
        this with { Registrations = Registrations.Select(r => which(r) ? change(r) : r).ToImmutableList() };
}

public sealed record ClusterState(
    Guid ClusterId,
    string Title,
    Respondent Main,
    ImmutableList<Respondent> Related,
    ClusterStatus Status,
    ImmutableList<string> Invited,
    ImmutableList<Guid> Queue,
    ImmutableList<Guid> Called,
    int QuestionsAsked,
    int AnswersGiven,
    bool AwaitingAnswer)
{
    /// <summary>A planned cluster on the agenda, not yet opened: scheduled with the sitting or added after.</summary>
    public static ClusterState Pending(ClusterPlan plan) =>
        new(plan.ClusterId, plan.Title, plan.Main, [.. plan.Related], ClusterStatus.Pending, [], [], [], 0, 0, false);

    /// <summary>The main respondent and the related ones the chair has invited: who may answer now.</summary>
    public bool MayAnswer(string officialId) => Main.OfficialId == officialId || Invited.Contains(officialId);

    public Respondent? RespondentById(string officialId) =>
        Main.OfficialId == officialId ? Main : Related.Find(r => r.OfficialId == officialId);
}

public sealed record QuestionState(
    Guid QuestionId,
    Guid? ClusterId,
    string DeputyId,
    string DeputyName,
    Respondent Respondent,
    string Text,
    QuestionChannel Channel,
    QuestionStatus Status,
    DateTimeOffset FiledAt,
    DateOnly? WrittenAnswerDueBy,
    DateTimeOffset? AskedAt = null);

public sealed record RegistrationState(
    Guid RegistrationId,
    Guid ClusterId,
    string DeputyId,
    string DeputyName,
    Guid QuestionId,
    RegistrationStatus Status,
    DateTimeOffset RegisteredAt);

public sealed record TurnState(
    Guid TurnId,
    Guid ClusterId,
    TurnKind Kind,
    string SpeakerId,
    string SpeakerName,
    Guid? RegistrationId,
    ImmutableList<Guid> QuestionIds,
    DateTimeOffset StartedAt,
    TimeSpan Limit,
    TimeSpan? Duration,
    TimeSpan? Overrun);

public sealed record CommitmentState(
    Guid CommitmentId, Guid QuestionId, Respondent Respondent, string Owner, string Text, DateOnly Deadline, DateTimeOffset RecordedAt);
