using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Domain.Sittings;

/// <summary>Commands carry the actor and the time; new ids are chosen by the caller so Decide stays pure.</summary>
public abstract record SittingCommand(Actor Actor, DateTimeOffset Now) : ICommand;

/// <summary>
/// <see cref="Rules"/> are the body's rules in force on the sitting's day, resolved by the caller; null when none are,
/// which the decider refuses (no_rules_profile) after the checks a caller can act on first (role, title, start).
/// </summary>
public sealed record ScheduleSitting(
    Guid SittingId, string BodyId, string Title, DateTimeOffset StartsAt, RulesProfile? Rules,
    IReadOnlyList<ClusterPlan> Clusters, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

/// <summary>A written slip. <see cref="Respondent"/> is resolved from the body's officials by the caller.</summary>
public sealed record FileQuestion(
    Guid QuestionId, Guid? ClusterId, Respondent Respondent, string Text, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

/// <summary>
/// Register at the floor for a cluster, either with one's own slip (<see cref="QuestionId"/>) or with the
/// question's text (a floor question is filed under <see cref="NewQuestionId"/>).
/// </summary>
public sealed record RegisterToSpeak(
    Guid RegistrationId, Guid ClusterId, Guid? QuestionId, string? Text, Guid NewQuestionId, Actor Actor, DateTimeOffset Now)
    : SittingCommand(Actor, Now);

/// <summary>
/// Moves a sitting not yet opened to another start, with the reason the public history shows. <see cref="Rules"/> are the
/// body's rules in force on the new day, resolved by the caller as for <see cref="ScheduleSitting"/> (null when none are).
/// </summary>
public sealed record RescheduleSitting(DateTimeOffset StartsAt, RulesProfile? Rules, string Reason, Actor Actor, DateTimeOffset Now)
    : SittingCommand(Actor, Now);

public sealed record OpenSitting(Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

public sealed record OpenCluster(Guid ClusterId, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

/// <summary>
/// A new speaking order for the deputies waiting in a cluster. <paramref name="Expected"/>, when given, is the
/// order the new one was made from: if the queue has moved since (another move, a new registration), the
/// command is refused rather than undoing a change its sender had not seen.
/// </summary>
public sealed record ReorderSpeakers(Guid ClusterId, IReadOnlyList<Guid> Order, Actor Actor, DateTimeOffset Now, IReadOnlyList<Guid>? Expected = null)
    : SittingCommand(Actor, Now);

/// <summary>Call the next deputies in the open cluster's queue; <see cref="Count"/> defaults to the rules profile's batch.</summary>
public sealed record CallSpeakers(int? Count, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

public sealed record InviteRelatedRespondent(string OfficialId, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

/// <summary>
/// Start a turn in the open cluster. Question and Debate name the deputy's registration; Answer and
/// Clarification may name the respondent (Answer defaults to the main respondent).
/// </summary>
public sealed record StartTurn(
    Guid TurnId, TurnKind Kind, Guid? RegistrationId, string? SpeakerId, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

public sealed record EndTurn(Guid TurnId, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

public sealed record PublishTranscriptSegment(
    Guid SegmentId, Guid? TurnId, string SpeakerName, string Markdown, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

/// <summary>
/// A commitment made in an answer. <see cref="Owner"/> is the responsible agency's name as shown in the
/// sitting and <see cref="AgencyId"/> the body's registered agency (the ledger's owner); <see cref="DeadlineLabel"/>
/// says how a deadline was put when it was not a date (<c>session:11</c>).
/// </summary>
public sealed record RecordCommitment(
    Guid CommitmentId, Guid QuestionId, string? RespondentId, string Owner, string Text, DateOnly Deadline, Actor Actor, DateTimeOffset Now,
    string? AgencyId = null, string? DeadlineLabel = null)
    : SittingCommand(Actor, Now);

public sealed record CloseCluster(Guid ClusterId, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

public sealed record CloseSitting(Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);

/// <summary>Sets or clears the stream; <see cref="AllowedHosts"/> are the deployment's player hosts (<see cref="VideoSource"/>).</summary>
public sealed record SetVideoStream(string? Url, Actor Actor, DateTimeOffset Now, IReadOnlyList<string>? AllowedHosts = null) : SittingCommand(Actor, Now);

/// <summary>
/// Puts a further issue cluster on a scheduled sitting's agenda: the follow-up list's re-questioning of the
/// overdue and disputed commitments in <see cref="FollowUpOf"/> (empty for an ordinary cluster).
/// </summary>
public sealed record AddCluster(ClusterPlan Cluster, IReadOnlyList<Guid> FollowUpOf, Actor Actor, DateTimeOffset Now) : SittingCommand(Actor, Now);
