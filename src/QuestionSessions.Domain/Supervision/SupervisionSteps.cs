using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Supervision;

public sealed partial class SupervisionDecider
{
    private static Decision<SupervisionEvent> Begin(DecideTopic c, SupervisionState state)
    {
        var today = VietnamTime.Today(c.Now);
        if (!Texts.Fits(c.BodyId, MaxAgencyId))
        {
            return Refuse(ErrorKind.Invalid, "body_required", "A supervision topic belongs to a body.");
        }

        if (!Texts.IsLine(c.Title, MaxTitle))
        {
            return Refuse(ErrorKind.Invalid, "topic_title", $"Name the topic, in 1 to {MaxTitle} characters.");
        }

        if (!Texts.Fits(c.ScopeMarkdown, MaxScope))
        {
            return Refuse(ErrorKind.Invalid, "topic_scope", $"Say what is supervised, in 1 to {MaxScope} characters.");
        }

        if (!Texts.Fits(c.AssignedTo, MaxAssignedTo))
        {
            return Refuse(ErrorKind.Invalid, "assigned_to", $"Name the delegation or committee that supervises, in 1 to {MaxAssignedTo} characters.");
        }

        if (c.DecisionReference is { Length: > MaxReference })
        {
            return Refuse(ErrorKind.Invalid, "decision_reference", $"The decision's number takes at most {MaxReference} characters.");
        }

        if (c.Supervised.Count is 0 or > MaxSupervised || c.Supervised.Any(a => AgencyProblem(a) is not null))
        {
            return Refuse(ErrorKind.Invalid, "supervised_agencies", $"Name 1 to {MaxSupervised} supervised agencies, each with its id, name and the body it answers to.");
        }

        var supervised = c.Supervised.Select(Trimmed).ToList();
        if (supervised.DistinctBy(a => a.AgencyId).Count() != supervised.Count)
        {
            return Refuse(ErrorKind.Invalid, "supervised_agencies", "Each supervised agency is named once.");
        }

        if (c.PlanDueBy <= today || c.PlanDueBy > today.AddDays(PlanDays))
        {
            return Refuse(ErrorKind.Invalid, "plan_due_by", $"The plan is due after today and within {PlanDays} days of the decision.");
        }

        if (!c.Actor.HoldsAny(c.BodyId, Role.Secretariat, Role.Chair, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat or the chair of the body may decide a supervision topic.");
        }

        var decided = new SupervisionTopicDecided(
            c.TopicId, Texts.Clean(c.BodyId), Texts.CleanOrNull(c.Term), Texts.Clean(c.Title), Texts.Clean(c.ScopeMarkdown), Texts.Clean(c.AssignedTo),
            Texts.CleanOrNull(c.DecisionReference), supervised, c.PlanDueBy, c.Actor.Ref, c.Now);
        if (state.Exists)
        {
            return state.TopicId == decided.TopicId && state.BodyId == decided.BodyId && state.Term == decided.Term && state.Title == decided.Title
                && state.ScopeMarkdown == decided.ScopeMarkdown && state.AssignedTo == decided.AssignedTo && state.DecisionReference == decided.DecisionReference
                && state.Supervised.SequenceEqual(decided.Supervised) && state.PlanDueBy == decided.PlanDueBy
                ? Decision<SupervisionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "topic_exists", "Another supervision topic was already decided under this id.");
        }

        return Decision<SupervisionEvent>.Accept(decided);
    }

    private static Decision<SupervisionEvent> Plan(SendPlan c, SupervisionState state)
    {
        if (Supervising(c, state, "send the plan") is { } denied)
        {
            return denied;
        }

        var sessions = c.WorkingSessions.Order().ToList();
        if (state.Stage == SupervisionStage.Planned && state.OutlineMarkdown == Texts.Clean(c.OutlineMarkdown) && state.WorkingSessions.SequenceEqual(sessions)
            && (c.ProgrammeSentOn is null || c.ProgrammeSentOn == state.ProgrammeSentOn))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        if (During(state, "The plan", SupervisionStage.Decided, SupervisionStage.Planned) is { } notNow)
        {
            return notNow;
        }

        var today = VietnamTime.Today(c.Now);
        var sentOn = c.ProgrammeSentOn ?? today;
        if (sentOn < VietnamTime.Today(state.DecidedAt))
        {
            return Refuse(ErrorKind.Conflict, "programme_before_decision", "The programme cannot have been sent before the topic was decided.");
        }

        // A session kept from the programme in force keeps the notice it had; a new or moved one needs its own ten days.
        if (sessions.Any(s => !state.WorkingSessions.Contains(s) && s < sentOn.AddDays(ProgrammeNoticeDays)))
        {
            return Refuse(ErrorKind.Invalid, "programme_too_late",
                $"The programme reaches the supervised agencies at least {ProgrammeNoticeDays} days before each working session: move the session to {sentOn.AddDays(ProgrammeNoticeDays):yyyy-MM-dd} or later.");
        }

        var first = state.Stage == SupervisionStage.Decided;
        return Decision<SupervisionEvent>.Accept(new SupervisionPlanSent(
            Texts.Clean(c.OutlineMarkdown), sessions, sentOn, first ? today > state.PlanDueBy : state.PlanLate, first ? 0 : state.PlanAmendments + 1, c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Link(LinkEvidence c, SupervisionState state)
    {
        if (Supervising(c, state, "link evidence") is { } denied)
        {
            return denied;
        }

        var added = c.Links.Distinct().Where(l => !state.Evidence.Contains(l)).ToList();
        if (added.Count == 0)
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        if (During(state, "Linking evidence", BeforeClose) is { } notNow)
        {
            return notNow;
        }

        return state.Evidence.Count + added.Count > MaxEvidence
            ? Refuse(ErrorKind.Conflict, "too_much_evidence", $"A topic links at most {MaxEvidence} petitions and commitments.")
            : Decision<SupervisionEvent>.Accept(new SupervisionEvidenceLinked(added, c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Unlink(UnlinkEvidence c, SupervisionState state)
    {
        if (Supervising(c, state, "unlink evidence") is { } denied)
        {
            return denied;
        }

        if (!state.Evidence.Contains(c.Link))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        return During(state, "Unlinking evidence", BeforeClose) is { } notNow
            ? notNow
            : Decision<SupervisionEvent>.Accept(new SupervisionEvidenceUnlinked(c.Link, Texts.Clean(c.Reason), c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Report(ReceiveReport c, SupervisionState state)
    {
        var agency = state.Agency(Texts.Clean(c.AgencyId));
        var officer = agency is not null && c.Actor.Grants.Any(g => g.Role == Role.AgencyOfficer && g.BodyId == agency.AgencyBodyId && g.PersonId == agency.AgencyId);
        if (!officer && !c.Actor.HoldsAny(state.BodyId, Role.Secretariat, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "agency_officer_required", "Only an officer of the supervised agency, or the secretariat of the body, may file its report.");
        }

        if (agency is null)
        {
            return Refuse(ErrorKind.NotFound, "agency_not_supervised", "The agency is not one this topic supervises.");
        }

        if (state.Reports.ContainsKey(c.ReportId))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        if (During(state, "A report", Underway) is { } notNow)
        {
            return notNow;
        }

        return Full(state.Reports.Count, "reports")
            ?? Decision<SupervisionEvent>.Accept(new SupervisionReportReceived(c.ReportId, agency.AgencyId, Texts.Clean(c.Markdown), [.. c.Attachments], c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Supplement(RequestSupplement c, SupervisionState state)
    {
        if (Supervising(c, state, "ask for a supplement") is { } denied)
        {
            return denied;
        }

        if (state.Agency(Texts.Clean(c.AgencyId)) is not { } agency)
        {
            return Refuse(ErrorKind.NotFound, "agency_not_supervised", "The agency is not one this topic supervises.");
        }

        var what = Texts.Clean(c.What);
        if (state.SupplementRequests.Exists(r => r.AgencyId == agency.AgencyId && r.What == what && r.DueBy == c.DueBy))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        if (During(state, "A supplement request", Underway) is { } notNow)
        {
            return notNow;
        }

        return Full(state.SupplementRequests.Count, "supplement requests")
            ?? Decision<SupervisionEvent>.Accept(new SupplementRequested(agency.AgencyId, what, c.DueBy, c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Visit(RecordFieldVisit c, SupervisionState state)
    {
        if (Supervising(c, state, "record a field visit") is { } denied)
        {
            return denied;
        }

        if (state.Visits.ContainsKey(c.VisitId))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        // Fieldwork follows the plan and ends with the first finding: a visit never takes the topic back.
        if (During(state, "A field visit", SupervisionStage.Planned, SupervisionStage.Fieldwork) is { } notNow)
        {
            return notNow;
        }

        if (c.Date < VietnamTime.Today(state.DecidedAt))
        {
            return Refuse(ErrorKind.Conflict, "visit_before_decision", "A field visit of this topic is held after the topic was decided.");
        }

        var locality = c.Locality with { Commune = Texts.CleanOrNull(c.Locality.Commune) };
        return Full(state.Visits.Count, "field visits")
            ?? Decision<SupervisionEvent>.Accept(new FieldVisitRecorded(
                c.VisitId, c.Date, locality, Texts.Clean(c.NotesMarkdown), c.Date.AddDays(DraftReportDays), c.Actor.Ref, c.Now));
    }

    private static Decision<SupervisionEvent> Finding(RecordFinding c, SupervisionState state)
    {
        if (Supervising(c, state, "record a finding") is { } denied)
        {
            return denied;
        }

        if (state.Findings.Contains(c.FindingId))
        {
            return Decision<SupervisionEvent>.Nothing;
        }

        if (During(state, "A finding", Underway) is { } notNow)
        {
            return notNow;
        }

        return Full(state.Findings.Count, "findings")
            ?? Decision<SupervisionEvent>.Accept(new FindingRecorded(c.FindingId, Texts.Clean(c.Markdown), c.Actor.Ref, c.Now));
    }
}
