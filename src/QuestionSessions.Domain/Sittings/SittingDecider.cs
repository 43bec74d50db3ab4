using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Sittings;

/// <summary>
/// The questioning sitting (phiên chất vấn) as the law runs it: scheduled with issue clusters, slips
/// filed before, registrations at the floor, the chair calling and timing turns, and at the close
/// every question not answered becoming a written-answer obligation with its legal deadline.
/// Who may take each step is checked here too, against the actor's grants in the sitting's body.
/// </summary>
public sealed partial class SittingDecider : IDecider<SittingState, SittingCommand, SittingEvent>
{
    public const int MaxQuestionLength = 4_000;

    /// <summary>The longest title of a sitting or an issue cluster.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>The longest name of a speaker in the transcript.</summary>
    public const int MaxNameLength = 200;

    public static string Category => "sitting";

    public static SittingState Initial => SittingState.Empty;

    public static Decision<SittingEvent> Decide(SittingCommand command, SittingState state)
    {
        if (command is ScheduleSitting schedule)
        {
            return Schedule(schedule, state);
        }

        if (state.Status == SittingStatus.None)
        {
            return Refuse(ErrorKind.NotFound, "sitting_not_found", "No sitting has been scheduled under this id.");
        }

        return command switch
        {
            FileQuestion c => File(c, state),
            RegisterToSpeak c => Register(c, state),
            OpenSitting c => Open(c, state),
            OpenCluster c => OpenIssueCluster(c, state),
            ReorderSpeakers c => Reorder(c, state),
            CallSpeakers c => Call(c, state),
            InviteRelatedRespondent c => Invite(c, state),
            StartTurn c => Start(c, state),
            EndTurn c => End(c, state),
            PublishTranscriptSegment c => Publish(c, state),
            RecordCommitment c => Commit(c, state),
            CloseCluster c => CloseIssueCluster(c, state),
            CloseSitting c => Close(c, state),
            SetVideoStream c => Video(c, state),
            RescheduleSitting c => Reschedule(c, state),
            AddCluster c => Add(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
    }

    private static Decision<SittingEvent> Refuse(ErrorKind kind, string code, string message) =>
        Decision<SittingEvent>.Refuse(kind, code, message);

    private static DomainError? Requires(SittingCommand c, SittingState state, string what, params Role[] roles) =>
        c.Actor.HoldsAny(state.BodyId, roles)
            ? null
            : new DomainError(ErrorKind.Forbidden, "role_required", $"Only the {string.Join(" or ", roles.Select(r => r.ToString().ToLowerInvariant()))} of this body may {what}.");

    private static Decision<SittingEvent> Add(AddCluster c, SittingState state)
    {
        if (Requires(c, state, "change the agenda", Role.Secretariat, Role.Admin) is { } denied)
        {
            return denied;
        }

        if (state.Cluster(c.Cluster.ClusterId) is { } existing)
        {
            return existing.Title == Texts.Clean(c.Cluster.Title) && existing.Main == c.Cluster.Main
                ? Decision<SittingEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "cluster_ids_repeat", "Each issue cluster needs its own id.");
        }

        if (state.Status != SittingStatus.Scheduled)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_scheduled", "Clusters are added to the agenda before the sitting opens.");
        }

        if (!Texts.IsLine(c.Cluster.Title, MaxTitleLength))
        {
            return Refuse(ErrorKind.Invalid, "cluster_title_required", $"Every issue cluster needs a title: one line of at most {MaxTitleLength} characters, without direction controls.");
        }

        if (c.FollowUpOf.Count > 100 || c.FollowUpOf.Distinct().Count() != c.FollowUpOf.Count)
        {
            return Refuse(ErrorKind.Invalid, "follow_up_list", "A follow-up cluster questions up to 100 commitments, each once.");
        }

        return Decision<SittingEvent>.Accept(new ClusterAdded(
            c.Cluster with { Title = Texts.Clean(c.Cluster.Title) }, [.. c.FollowUpOf], c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> Schedule(ScheduleSitting c, SittingState state)
    {
        if (!c.Actor.HoldsAny(c.BodyId, Role.Secretariat, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat of this body may schedule a sitting.");
        }

        if (state.Status != SittingStatus.None)
        {
            return state.SittingId == c.SittingId && state.BodyId == c.BodyId && state.Title == Texts.Clean(c.Title) && state.StartsAt == c.StartsAt
                ? Decision<SittingEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "sitting_exists", "A sitting with this id is already scheduled.");
        }

        if (!Texts.IsLine(c.Title, MaxTitleLength))
        {
            return Refuse(ErrorKind.Invalid, "title_required", $"A sitting needs a title: one line of at most {MaxTitleLength} characters, without direction controls.");
        }

        if (c.StartsAt < c.Now)
        {
            return Refuse(ErrorKind.Invalid, "starts_in_past", "A sitting cannot be scheduled to start in the past.");
        }

        if (c.Rules is null)
        {
            return Refuse(ErrorKind.Conflict, "no_rules_profile", "The body has no rules profile in force on that date.");
        }

        if (c.Rules.Problem() is { } problem)
        {
            return Refuse(ErrorKind.Invalid, "rules_profile_invalid", problem);
        }

        if (c.Clusters.Count == 0)
        {
            return Refuse(ErrorKind.Invalid, "clusters_required", "A questioning sitting needs at least one issue cluster.");
        }

        if (c.Clusters.Select(x => x.ClusterId).Distinct().Count() != c.Clusters.Count)
        {
            return Refuse(ErrorKind.Invalid, "cluster_ids_repeat", "Each issue cluster needs its own id.");
        }

        foreach (var cluster in c.Clusters)
        {
            if (!Texts.IsLine(cluster.Title, MaxTitleLength))
            {
                return Refuse(ErrorKind.Invalid, "cluster_title_required", "Every issue cluster needs a title: one line, without direction controls.");
            }

            if (cluster.Related.Any(r => r.OfficialId == cluster.Main.OfficialId)
                || cluster.Related.Select(r => r.OfficialId).Distinct().Count() != cluster.Related.Count)
            {
                return Refuse(ErrorKind.Invalid, "respondents_repeat", $"In '{cluster.Title}' each respondent appears once.");
            }
        }

        return Decision<SittingEvent>.Accept(new SittingScheduled(
            c.SittingId, c.BodyId, Texts.Clean(c.Title), c.StartsAt, c.Rules, [.. c.Clusters.Select(k => k with { Title = Texts.Clean(k.Title) })], c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> File(FileQuestion c, SittingState state)
    {
        if (c.Actor.PersonIn(Role.Deputy, state.BodyId) is not { } deputyId)
        {
            return Refuse(ErrorKind.Forbidden, "not_a_member", "Only a deputy or delegate of this body may file a question here.");
        }

        if (state.Question(c.QuestionId) is { } existing)
        {
            return existing.DeputyId == deputyId && existing.Text == Texts.Clean(c.Text)
                ? Decision<SittingEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "question_exists", "A question with this id was already filed.");
        }

        if (state.Status == SittingStatus.Closed)
        {
            return Refuse(ErrorKind.Conflict, "sitting_closed", "The sitting is closed; send the question between sessions instead.");
        }

        if (TextProblem(c.Text) is { } problem)
        {
            return problem;
        }

        if (c.ClusterId is { } clusterId)
        {
            if (state.Cluster(clusterId) is not { } cluster)
            {
                return Refuse(ErrorKind.NotFound, "cluster_not_found", "The sitting has no such issue cluster.");
            }

            if (cluster.Status == ClusterStatus.Closed)
            {
                return Refuse(ErrorKind.Conflict, "cluster_closed", "That issue cluster is closed.");
            }

            if (cluster.RespondentById(c.Respondent.OfficialId) is null)
            {
                return Refuse(ErrorKind.Invalid, "respondent_not_in_cluster", "The question must be put to a respondent of that cluster.");
            }
        }

        return Decision<SittingEvent>.Accept(new QuestionFiled(
            c.QuestionId, c.ClusterId, deputyId, c.Actor.Name, c.Respondent, Texts.Clean(c.Text), QuestionChannel.Slip, c.Actor.Ref, c.Now));
    }

    private static Decision<SittingEvent> Register(RegisterToSpeak c, SittingState state)
    {
        if (c.Actor.PersonIn(Role.Deputy, state.BodyId) is not { } deputyId)
        {
            return Refuse(ErrorKind.Forbidden, "not_a_member", "Only a deputy or delegate of this body may register to speak.");
        }

        if (state.Registration(c.RegistrationId) is { } known)
        {
            return known.DeputyId == deputyId && known.ClusterId == c.ClusterId
                ? Decision<SittingEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "registration_exists", "A registration with this id already exists.");
        }

        if (state.Status != SittingStatus.Open)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_open", "Registration at the floor opens with the sitting.");
        }

        if (state.Cluster(c.ClusterId) is not { } cluster)
        {
            return Refuse(ErrorKind.NotFound, "cluster_not_found", "The sitting has no such issue cluster.");
        }

        if (cluster.Status == ClusterStatus.Closed)
        {
            return Refuse(ErrorKind.Conflict, "cluster_closed", "That issue cluster is closed.");
        }

        if (state.Registrations.Exists(r => r.ClusterId == c.ClusterId && r.DeputyId == deputyId
            && r.Status is RegistrationStatus.Waiting or RegistrationStatus.Called))
        {
            return Refuse(ErrorKind.Conflict, "already_registered", "You are already registered in this cluster.");
        }

        if (c.QuestionId is { } questionId)
        {
            if (state.Question(questionId) is not { } slip || slip.DeputyId != deputyId)
            {
                return Refuse(ErrorKind.NotFound, "question_not_found", "You have filed no question with this id.");
            }

            if (slip.Status != QuestionStatus.Filed || (slip.ClusterId is { } own && own != c.ClusterId))
            {
                return Refuse(ErrorKind.Conflict, "question_not_available", "That question was already asked or belongs to another cluster.");
            }

            // A slip filed outside the clusters joins this one (see Evolve), so it must be put to one of its respondents.
            if (slip.ClusterId is null && cluster.RespondentById(slip.Respondent.OfficialId) is null)
            {
                return Refuse(ErrorKind.Invalid, "respondent_not_in_cluster", "The question must be put to a respondent of that cluster.");
            }

            return Decision<SittingEvent>.Accept(
                new SpeakerRegistered(c.RegistrationId, c.ClusterId, deputyId, c.Actor.Name, questionId, c.Actor.Ref, c.Now));
        }

        if (TextProblem(c.Text) is { } problem)
        {
            return problem;
        }

        // Evolve appends the floor question: an id already in use would make two questions share it.
        if (state.Question(c.NewQuestionId) is not null)
        {
            return Refuse(ErrorKind.Conflict, "question_exists", "A question with this id was already filed.");
        }

        return Decision<SittingEvent>.Accept(
            new QuestionFiled(c.NewQuestionId, c.ClusterId, deputyId, c.Actor.Name, cluster.Main, Texts.Clean(c.Text!), QuestionChannel.Floor, c.Actor.Ref, c.Now),
            new SpeakerRegistered(c.RegistrationId, c.ClusterId, deputyId, c.Actor.Name, c.NewQuestionId, c.Actor.Ref, c.Now));
    }

    private static DomainError? TextProblem(string? text) =>
        !Texts.HasContent(text) ? new DomainError(ErrorKind.Invalid, "question_text_required", "A question needs its text.")
        : text.Length > MaxQuestionLength ? new DomainError(ErrorKind.Invalid, "question_too_long", $"A question is at most {MaxQuestionLength} characters.")
        : null;

    private static Decision<SittingEvent> Open(OpenSitting c, SittingState state)
    {
        if (Requires(c, state, "open the sitting", Role.Chair) is { } denied)
        {
            return denied;
        }

        return state.Status switch
        {
            SittingStatus.Open => Decision<SittingEvent>.Nothing,
            SittingStatus.Closed => Refuse(ErrorKind.Conflict, "sitting_closed", "A closed sitting cannot be reopened."),
            _ => Decision<SittingEvent>.Accept(new SittingOpened(c.Actor.Ref, c.Now)),
        };
    }

    private static Decision<SittingEvent> Close(CloseSitting c, SittingState state)
    {
        if (Requires(c, state, "close the sitting", Role.Chair) is { } denied)
        {
            return denied;
        }

        if (state.Status == SittingStatus.Closed)
        {
            return Decision<SittingEvent>.Nothing;
        }

        if (state.Status != SittingStatus.Open)
        {
            return Refuse(ErrorKind.Conflict, "sitting_not_open", "Only an open sitting can be closed.");
        }

        if (state.CurrentTurn is not null)
        {
            return Refuse(ErrorKind.Conflict, "turn_running", "End the running turn before closing the sitting.");
        }

        var events = new List<SittingEvent>();
        if (state.OpenClusterId is { } open)
        {
            events.Add(new ClusterClosed(open, c.Actor.Ref, c.Now));
        }

        events.Add(new SittingClosed(c.Actor.Ref, c.Now));
        var due = VietnamTime.AddCalendarDays(c.Now, state.Rules!.WrittenAnswerDays);
        foreach (var q in state.Questions.Where(q => q.Status is QuestionStatus.Filed or QuestionStatus.Asked))
        {
            var reason = q.ClusterId is null ? WrittenAnswerReason.OutsideClusters : WrittenAnswerReason.NotReached;
            events.Add(new WrittenAnswerRequired(q.QuestionId, q.DeputyId, q.Respondent, reason, due, c.Now));
        }

        return Decision<SittingEvent>.Accept(events);
    }
}
