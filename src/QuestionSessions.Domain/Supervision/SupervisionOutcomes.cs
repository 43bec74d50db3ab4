using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Supervision;

/// <summary>The steps after the evidence is in: recommendations, the resolution, follow-up and close; and the checks every step shares.</summary>
public sealed partial class SupervisionDecider
{
    /// <summary>Every stage in which the topic is open.</summary>
    private static readonly SupervisionStage[] BeforeClose =
        [SupervisionStage.Decided, SupervisionStage.Planned, SupervisionStage.Fieldwork, SupervisionStage.Reporting, SupervisionStage.Resolved, SupervisionStage.FollowUp];

    /// <summary>From the plan to the draft report: agencies report, and findings are written.</summary>
    private static readonly SupervisionStage[] Underway = [SupervisionStage.Planned, SupervisionStage.Fieldwork, SupervisionStage.Reporting];

    /// <summary>The id of the commitment a recommendation becomes: the same every time, so the intake may open it twice harmlessly.</summary>
    public static Guid CommitmentIdOf(Guid topicId, Guid recommendationId) => DerivedId.Of($"recommendation|{topicId:N}|{recommendationId:N}");

    private static Decision<SupervisionEvent> Recommend(MakeRecommendation c, SupervisionState state)
    {
        if (Supervising(c, state, "make a recommendation") is { } denied)
        {
            return denied;
        }

        var owner = Trimmed(c.Owner);
        var text = Texts.Clean(c.Text);
        var expected = Texts.CleanOrNull(c.ExpectedResult);
        if (state.Recommendation(c.RecommendationId) is { } made)
        {
            return made.Text == text && made.ExpectedResult == expected && made.Owner == owner && made.Deadline == c.Deadline && made.FindingIds.SequenceEqual(c.FindingIds)
                ? Decision<SupervisionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "recommendation_exists", "Another recommendation was already made under this id.");
        }

        // A recommendation rests on what the supervision saw: the fieldwork or the draft report, never the plan alone.
        if (During(state, "A recommendation", SupervisionStage.Fieldwork, SupervisionStage.Reporting) is { } notNow)
        {
            return notNow;
        }

        if (c.FindingIds.Any(f => !state.Findings.Contains(f)))
        {
            return Refuse(ErrorKind.NotFound, "finding_not_found", "A recommendation answers findings of this topic; one of them is not.");
        }

        return Full(state.Recommendations.Count, "recommendations")
            ?? Decision<SupervisionEvent>.Accept(new RecommendationMade(
                state.TopicId, state.BodyId, state.Term, c.RecommendationId, CommitmentIdOf(state.TopicId, c.RecommendationId),
                text, expected, owner, c.Deadline, [.. c.FindingIds], c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Resolve(AdoptSupervisionResolution c, SupervisionState state)
    {
        if (Leading(c, state, "record the resolution") is { } denied)
        {
            return denied;
        }

        var adopted = new SupervisionResolution(Texts.Clean(c.Reference), Texts.CleanOrNull(c.Markdown), c.AdoptedOn);
        if (state.Resolution is { } resolution)
        {
            return resolution == adopted
                ? Decision<SupervisionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "already_resolved", $"The body already adopted resolution {resolution.Reference} on this supervision.");
        }

        // Findings put the topic in Reporting, so this is also the stage check.
        if (state.Findings.IsEmpty)
        {
            return Refuse(ErrorKind.Conflict, "no_findings", "A resolution on a supervision rests on its findings: record at least one.");
        }

        return c.AdoptedOn < VietnamTime.Today(state.DecidedAt)
            ? Refuse(ErrorKind.Conflict, "adopted_before_decision", "The resolution cannot have been adopted before the topic was decided.")
            : Decision<SupervisionEvent>.Accept(new SupervisionResolutionAdopted(adopted.Reference, adopted.Markdown, adopted.AdoptedOn, c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> FollowUp(RecordFollowUp c, SupervisionState state)
    {
        if (Supervising(c, state, "record a follow-up") is { } denied)
        {
            return denied;
        }

        if (state.FollowUpEntries.Contains(c.EntryId))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        if (During(state, "A follow-up", SupervisionStage.Resolved, SupervisionStage.FollowUp) is { } notNow)
        {
            return notNow;
        }

        return Full(state.FollowUps, "follow-up notes")
            ?? Decision<SupervisionEvent>.Accept(new SupervisionFollowUpRecorded(c.EntryId, Texts.Clean(c.Markdown), c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Close(CloseTopic c, SupervisionState state)
    {
        if (Leading(c, state, "close the topic") is { } denied)
        {
            return denied;
        }

        if (state.IsClosed)
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        return During(state, "Closing", SupervisionStage.Resolved, SupervisionStage.FollowUp) is { } notNow
            ? notNow
            : Decision<SupervisionEvent>.Accept(new SupervisionTopicClosed(Texts.Clean(c.Summary), c.Actor.Ref, c.Now));
    }

    /// <summary>The supervising delegation or committee, the secretariat, or an admin.</summary>
    private static DomainError? Supervising(SupervisionCommand c, SupervisionState state, string what) =>
        c.Actor.HoldsAny(state.BodyId, Role.Supervisor, Role.Secretariat, Role.Admin)
            ? null
            : new DomainError(ErrorKind.Forbidden, "role_required", $"Only the supervising delegation or committee, or the secretariat of the body, may {what}.");

    /// <summary>The secretariat or the chair of the body, or an admin: who speaks for the body itself.</summary>
    private static DomainError? Leading(SupervisionCommand c, SupervisionState state, string what) =>
        c.Actor.HoldsAny(state.BodyId, Role.Secretariat, Role.Chair, Role.Admin)
            ? null
            : new DomainError(ErrorKind.Forbidden, "role_required", $"Only the secretariat or the chair of the body may {what}.");

    /// <summary>Why <paramref name="step"/> cannot happen in the topic's stage, or null when it can.</summary>
    private static DomainError? During(SupervisionState state, string step, params SupervisionStage[] stages) =>
        stages.Contains(state.Stage) ? null
        : state.IsClosed ? new DomainError(ErrorKind.Conflict, "topic_closed", "The supervision is closed.")
        : state.Stage < stages.Min() ? new DomainError(ErrorKind.Conflict, "stage_too_early", $"{step} comes later: the topic is {Describe(state.Stage)}.")
        : new DomainError(ErrorKind.Conflict, "stage_passed", $"{step} is past: the topic is {Describe(state.Stage)}.");

    private static DomainError? Full(int count, string what) =>
        count >= MaxEntries ? new DomainError(ErrorKind.Conflict, "too_many_entries", $"A topic holds at most {MaxEntries} {what}.") : null;

    private static string Describe(SupervisionStage stage) => stage switch
    {
        SupervisionStage.Decided => "decided, with no plan sent",
        SupervisionStage.Planned => "planned",
        SupervisionStage.Fieldwork => "in fieldwork",
        SupervisionStage.Reporting => "being reported on",
        SupervisionStage.Resolved => "resolved",
        SupervisionStage.FollowUp => "in follow-up",
        _ => stage.ToString(),
    };
}
