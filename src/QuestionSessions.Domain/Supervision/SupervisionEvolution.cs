using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Supervision;

public sealed partial class SupervisionDecider
{
    public static SupervisionState Evolve(SupervisionState state, SupervisionEvent @event) => Apply(state, @event) with { UpdatedAt = @event.At };

    private static SupervisionState Apply(SupervisionState state, SupervisionEvent @event) => @event switch
    {
        SupervisionTopicDecided e => state with
        {
            TopicId = e.TopicId,
            Stage = SupervisionStage.Decided,
            BodyId = e.BodyId,
            Term = e.Term,
            Title = e.Title,
            ScopeMarkdown = e.ScopeMarkdown,
            AssignedTo = e.AssignedTo,
            DecisionReference = e.DecisionReference,
            Supervised = [.. e.Supervised],
            PlanDueBy = e.PlanDueBy,
            DecidedAt = e.At,
        },
        SupervisionPlanSent e => state with
        {
            Stage = Forward(state.Stage, SupervisionStage.Planned),
            PlanSentAt = state.PlanSentAt ?? e.At,
            PlanLate = e.Late,
            PlanAmendments = e.Amendment,
            OutlineMarkdown = e.OutlineMarkdown,
            ProgrammeSentOn = e.ProgrammeSentOn,
            WorkingSessions = [.. e.WorkingSessions],
        },
        SupervisionEvidenceLinked e => state with { Evidence = state.Evidence.Union(e.Links) },
        SupervisionEvidenceUnlinked e => state with { Evidence = state.Evidence.Remove(e.Link) },
        SupervisionReportReceived e => state with
        {
            Reports = state.Reports.SetItem(e.ReportId, e.AgencyId),
            // The agency's first report after a request supplements it, on time or not.
            SupplementRequests = state.SupplementRequests.ConvertAll(r =>
                r.AgencyId == e.AgencyId && r.FulfilledOn is null ? r with { FulfilledOn = VietnamTime.Today(e.At) } : r),
        },
        SupplementRequested e => state with
        {
            SupplementRequests = state.SupplementRequests.Add(new SupplementRequest(e.AgencyId, e.What, e.DueBy, e.At, null, false)),
        },
        FieldVisitRecorded e => state with
        {
            Stage = Forward(state.Stage, SupervisionStage.Fieldwork),
            Visits = state.Visits.SetItem(e.VisitId, e.Date),
            DraftDueBy = state.DraftDueBy is { } due && due > e.DraftDueBy ? due : e.DraftDueBy,
        },
        FindingRecorded e => state with
        {
            Stage = Forward(state.Stage, SupervisionStage.Reporting),
            Findings = state.Findings.Add(e.FindingId),
            FirstFindingAt = state.FirstFindingAt ?? e.At,
        },
        RecommendationMade e => state with
        {
            Recommendations = state.Recommendations.Add(new SupervisionRecommendation(
                e.RecommendationId, e.CommitmentId, e.Text, e.ExpectedResult, e.Owner, e.Deadline, [.. e.FindingIds])),
        },
        SupervisionResolutionAdopted e => state with
        {
            Stage = Forward(state.Stage, SupervisionStage.Resolved),
            Resolution = new SupervisionResolution(e.Reference, e.Markdown, e.AdoptedOn),
        },
        SupervisionFollowUpRecorded e => state with
        {
            Stage = Forward(state.Stage, SupervisionStage.FollowUp),
            FollowUpEntries = state.FollowUpEntries.Add(e.EntryId),
        },
        SupervisionTopicClosed e => state with { Stage = SupervisionStage.Closed, ClosedAt = e.At },
        SupervisionPlanOverdue => state with { PlanOverdue = true },
        SupplementOverdue e => state with
        {
            SupplementRequests = state.SupplementRequests.ConvertAll(r =>
                r.AgencyId == e.AgencyId && r.DueBy == e.DueBy ? r with { Overdue = true } : r),
        },
        DraftReportOverdue e => state with { DraftOverdueFor = e.DraftDueBy },
        _ => state,
    };

    /// <summary>Stages only move forward: a step allowed in several stages never takes the topic back.</summary>
    private static SupervisionStage Forward(SupervisionStage current, SupervisionStage next) => next > current ? next : current;
}
