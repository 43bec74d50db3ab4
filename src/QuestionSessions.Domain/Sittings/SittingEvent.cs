using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Domain.Sittings;

/// <summary>Facts of a questioning sitting. Stored under their alias; shapes change only by adding fields.</summary>
public abstract record SittingEvent(DateTimeOffset At);

/// <summary>The rules profile in force on the sitting's date is copied in, so the sitting runs and audits against fixed numbers.</summary>
[EventAlias("sitting_scheduled")]
public sealed record SittingScheduled(
    Guid SittingId, string BodyId, string Title, DateTimeOffset StartsAt, RulesProfile Rules,
    IReadOnlyList<ClusterPlan> Clusters, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("question_filed")]
public sealed record QuestionFiled(
    Guid QuestionId, Guid? ClusterId, string DeputyId, string DeputyName, Respondent Respondent,
    string Text, QuestionChannel Channel, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("sitting_opened")]
public sealed record SittingOpened(ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("cluster_opened")]
public sealed record ClusterOpened(Guid ClusterId, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("speaker_registered")]
public sealed record SpeakerRegistered(
    Guid RegistrationId, Guid ClusterId, string DeputyId, string DeputyName, Guid QuestionId, ActorRef By, DateTimeOffset At)
    : SittingEvent(At);

/// <summary>The chair's new order for the deputies still waiting in a cluster.</summary>
[EventAlias("speaking_order_changed")]
public sealed record SpeakingOrderChanged(Guid ClusterId, IReadOnlyList<Guid> Order, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("speakers_called")]
public sealed record SpeakersCalled(Guid ClusterId, IReadOnlyList<Guid> RegistrationIds, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("related_respondent_invited")]
public sealed record RelatedRespondentInvited(Guid ClusterId, Respondent Respondent, ActorRef By, DateTimeOffset At) : SittingEvent(At);

/// <summary>
/// Timers are server-authoritative: the start time and the limit travel in the event and clients draw
/// the countdown from them. <see cref="QuestionIds"/> are the questions asked (Question) or answered (Answer).
/// </summary>
[EventAlias("turn_started")]
public sealed record TurnStarted(
    Guid TurnId, Guid ClusterId, TurnKind Kind, string SpeakerId, string SpeakerName, Guid? RegistrationId,
    IReadOnlyList<Guid> QuestionIds, TimeSpan Limit, ActorRef By, DateTimeOffset At) : SittingEvent(At);

/// <summary>An overrun is recorded with its length, never hidden.</summary>
[EventAlias("turn_ended")]
public sealed record TurnEnded(Guid TurnId, TimeSpan Duration, TimeSpan Overrun, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("transcript_segment_published")]
public sealed record TranscriptSegmentPublished(
    Guid SegmentId, Guid? TurnId, string SpeakerName, string Markdown, ActorRef By, DateTimeOffset At) : SittingEvent(At);

/// <summary>A commitment (cam kết) spoken in an answer: one owner, one deadline, linked to the question and respondent.</summary>
[EventAlias("commitment_recorded")]
public sealed record CommitmentRecorded(
    Guid CommitmentId, Guid QuestionId, Respondent Respondent, string Owner, string Text, DateOnly Deadline,
    ActorRef By, DateTimeOffset At, string? AgencyId = null, string? DeadlineLabel = null) : SittingEvent(At);

[EventAlias("cluster_closed")]
public sealed record ClusterClosed(Guid ClusterId, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("sitting_closed")]
public sealed record SittingClosed(ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("written_answer_required")]
public sealed record WrittenAnswerRequired(
    Guid QuestionId, string DeputyId, Respondent Respondent, WrittenAnswerReason Reason, DateOnly DueBy, DateTimeOffset At)
    : SittingEvent(At);

/// <summary>The sitting moved to another start before it opened; the rules are those in force on the new day.</summary>
[EventAlias("sitting_rescheduled")]
public sealed record SittingRescheduled(
    DateTimeOffset StartsAt, DateTimeOffset PreviousStartsAt, RulesProfile Rules, string Reason, ActorRef By, DateTimeOffset At) : SittingEvent(At);

[EventAlias("video_stream_set")]
public sealed record VideoStreamSet(string? Url, ActorRef By, DateTimeOffset At) : SittingEvent(At);

/// <summary>A cluster put on the agenda after scheduling; <see cref="FollowUpOf"/> names the commitments it questions again.</summary>
[EventAlias("cluster_added")]
public sealed record ClusterAdded(ClusterPlan Cluster, IReadOnlyList<Guid> FollowUpOf, ActorRef By, DateTimeOffset At) : SittingEvent(At);
