using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Supervision;

/// <summary>
/// One topical supervision (giám sát chuyên đề) from the body's decision to its close, with who may take
/// each step: the secretariat or the chair decides, adopts the resolution and closes; the supervising
/// delegation or committee (<see cref="Role.Supervisor"/>) or the secretariat plans, visits, writes the
/// findings and recommendations and follows up; a supervised agency's officers file its reports; the
/// reminder records what came due. Each recommendation becomes a commitment of the ledger.
/// </summary>
public sealed partial class SupervisionDecider : IDecider<SupervisionState, SupervisionCommand, SupervisionEvent>
{
    public const int MaxTitle = 300;
    public const int MaxScope = 20_000;
    public const int MaxAssignedTo = 300;
    public const int MaxReference = 200;
    public const int MaxAgencyId = 200;
    public const int MaxAgencyName = 300;
    public const int MaxSupervised = 50;
    public const int MaxOutline = 20_000;
    public const int MaxWorkingSessions = 30;
    public const int MaxEvidence = 500;
    public const int MaxReason = 2_000;
    public const int MaxReport = 50_000;
    public const int MaxAttachments = 20;
    public const int MaxSupplementWhat = 4_000;
    public const int MaxMarkdown = 20_000;
    public const int MaxRecommendationText = 4_000;
    public const int MaxFindingsPerRecommendation = 50;
    public const int MaxResolution = 50_000;

    /// <summary>How many reports, supplement requests, visits, findings, recommendations or follow-up notes one topic holds, each.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>The plan and outline go out within 15 days of the decision.</summary>
    public const int PlanDays = 15;

    /// <summary>The programme reaches the supervised agencies at least 10 days before a working session.</summary>
    public const int ProgrammeNoticeDays = 10;

    /// <summary>An agency asked to supplement its report does so within 5 days.</summary>
    public const int SupplementDays = 5;

    /// <summary>The draft report is due 7 days after the last field visit (one province's rule, the only one found).</summary>
    public const int DraftReportDays = 7;

    public static string Category => "supervision";

    public static SupervisionState Initial => SupervisionState.Empty;

    public static Decision<SupervisionEvent> Decide(SupervisionCommand command, SupervisionState state)
    {
        if (command is DecideTopic decide)
        {
            return Begin(decide, state);
        }

        if (Content(command) is { } invalid)
        {
            return invalid;
        }

        if (!state.Exists)
        {
            return Refuse(ErrorKind.NotFound, "topic_not_found", "No supervision topic has been decided under this id.");
        }

        return command switch
        {
            SendPlan c => Plan(c, state),
            LinkEvidence c => Link(c, state),
            UnlinkEvidence c => Unlink(c, state),
            ReceiveReport c => Report(c, state),
            RequestSupplement c => Supplement(c, state),
            RecordFieldVisit c => Visit(c, state),
            RecordFinding c => Finding(c, state),
            MakeRecommendation c => Recommend(c, state),
            AdoptSupervisionResolution c => Resolve(c, state),
            RecordFollowUp c => FollowUp(c, state),
            CloseTopic c => Close(c, state),
            RunSupervisionMilestones c => c.Actor.Holds(Role.Admin, state.BodyId)
                ? Decision<SupervisionEvent>.Accept(SupervisionMilestones.Due(state, c.Now))
                : Refuse(ErrorKind.Forbidden, "system_only", "Deadlines are run by the system."),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
    }

    internal static Decision<SupervisionEvent> Refuse(ErrorKind kind, string code, string message) =>
        Decision<SupervisionEvent>.Refuse(kind, code, message);

    /// <summary>What is wrong with a command's content whatever the topic's state, or null.</summary>
    private static DomainError? Content(SupervisionCommand command)
    {
        var today = VietnamTime.Today(command.Now);
        return command switch
        {
            SendPlan c when !Texts.Fits(c.OutlineMarkdown, MaxOutline) =>
                Invalid("plan_outline", $"Give the plan and the report outline, in 1 to {MaxOutline} characters."),
            SendPlan c when c.WorkingSessions.Count is 0 or > MaxWorkingSessions || c.WorkingSessions.Distinct().Count() != c.WorkingSessions.Count =>
                Invalid("working_sessions", $"The programme has 1 to {MaxWorkingSessions} working sessions, each on its own day."),
            SendPlan { ProgrammeSentOn: { } sentOn } when sentOn > today =>
                Invalid("programme_sent_on", "The programme was sent today or earlier, not on a later day."),
            LinkEvidence c when c.Links.Count is 0 or > MaxEvidence || c.Links.Any(l => !IsEvidence(l)) =>
                Invalid("evidence_links", $"Link 1 to {MaxEvidence} petitions or commitments by their ids."),
            UnlinkEvidence c when !IsEvidence(c.Link) => Invalid("evidence_links", "Name the petition or commitment to unlink by its id."),
            UnlinkEvidence c when !Texts.Fits(c.Reason, MaxReason) => Invalid("reason_required", $"Say why it is unlinked, in 1 to {MaxReason} characters."),
            ReceiveReport c when !Texts.HasContent(c.AgencyId) => Invalid("agency_required", "Name the supervised agency whose report this is."),
            ReceiveReport c when !Texts.Fits(c.Markdown, MaxReport) => Invalid("report_text", $"Give the report, in 1 to {MaxReport} characters."),
            ReceiveReport c when c.Attachments.Count > MaxAttachments || c.Attachments.Any(a => !Texts.IsLink(a)) =>
                Invalid("attachments", $"Attachments are up to {MaxAttachments} http or https addresses."),
            RequestSupplement c when !Texts.HasContent(c.AgencyId) => Invalid("agency_required", "Name the supervised agency asked to supplement its report."),
            RequestSupplement c when !Texts.Fits(c.What, MaxSupplementWhat) =>
                Invalid("supplement_what", $"Say what the report lacks, in 1 to {MaxSupplementWhat} characters."),
            RequestSupplement c when c.DueBy <= today || c.DueBy > today.AddDays(SupplementDays) =>
                Invalid("supplement_due_by", $"A supplement is due after today and within {SupplementDays} days."),
            RecordFieldVisit c when c.Date > today => Invalid("visit_in_future", "A field visit is recorded once it has been held."),
            RecordFieldVisit c when c.Locality.Problem() is { } place => Invalid("locality", place),
            RecordFieldVisit c when !Texts.Fits(c.NotesMarkdown, MaxMarkdown) =>
                Invalid("visit_notes", $"Say what the visit found, in 1 to {MaxMarkdown} characters."),
            RecordFinding c when !Texts.Fits(c.Markdown, MaxMarkdown) => Invalid("finding_text", $"State the finding, in 1 to {MaxMarkdown} characters."),
            MakeRecommendation c => Recommendation(c, today),
            AdoptSupervisionResolution c when !Texts.Fits(c.Reference, MaxReference) =>
                Invalid("resolution_reference", $"Give the resolution's number, in at most {MaxReference} characters."),
            AdoptSupervisionResolution { Markdown.Length: > MaxResolution } => Invalid("resolution_text", $"The resolution's text takes at most {MaxResolution} characters."),
            AdoptSupervisionResolution c when c.AdoptedOn > today => Invalid("adopted_in_future", "A resolution is recorded once it has been adopted."),
            RecordFollowUp c when !Texts.Fits(c.Markdown, MaxMarkdown) => Invalid("follow_up_text", $"Say what the follow-up found, in 1 to {MaxMarkdown} characters."),
            CloseTopic c when !Texts.Fits(c.Summary, MaxMarkdown) => Invalid("close_summary", $"Sum up the supervision, in 1 to {MaxMarkdown} characters."),
            _ => null,
        };
    }

    private static DomainError? Recommendation(MakeRecommendation c, DateOnly today) =>
        !Texts.Fits(c.Text, MaxRecommendationText) ? Invalid("recommendation_text", $"Say what is recommended, in 1 to {MaxRecommendationText} characters.")
        : c.ExpectedResult is { Length: > MaxRecommendationText } ? Invalid("expected_result", $"The expected result takes at most {MaxRecommendationText} characters.")
        : AgencyProblem(c.Owner) is not null ? Invalid("owner_required", "A recommendation goes to exactly one agency: give its id, name and the body it answers to.")
        : CommitmentDeadline.Problem(c.Deadline.Date, today) is { } deadline ? deadline
        : c.FindingIds.Count > MaxFindingsPerRecommendation || c.FindingIds.Distinct().Count() != c.FindingIds.Count
            ? Invalid("finding_ids", $"A recommendation answers up to {MaxFindingsPerRecommendation} different findings.")
        : null;

    internal static string? AgencyProblem(SupervisedAgency agency) =>
        !Texts.Fits(agency.AgencyId, MaxAgencyId) || !Texts.IsLine(agency.AgencyName, MaxAgencyName) || !Texts.Fits(agency.AgencyBodyId, MaxAgencyId)
            ? "An agency has an id, a name and the body it answers to."
            : null;

    internal static SupervisedAgency Trimmed(SupervisedAgency agency) =>
        new(Texts.Clean(agency.AgencyId), Texts.Clean(agency.AgencyName), Texts.Clean(agency.AgencyBodyId));

    private static bool IsEvidence(EvidenceLink link) => link.Id != Guid.Empty && Enum.IsDefined(link.Kind);

    private static DomainError Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
}
