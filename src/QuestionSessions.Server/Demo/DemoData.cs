using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Server.Demo;

/// <summary>The shape of demo-data.json.</summary>
internal sealed record DemoData(
    IReadOnlyDictionary<string, RulesProfile> RulesProfiles,
    IReadOnlyList<DemoBody> Bodies,
    IReadOnlyList<DemoAccount> Accounts,
    IReadOnlyList<DemoSitting> Sittings,
    IReadOnlyList<DemoResolution>? Resolutions = null,
    IReadOnlyList<DemoPetition>? Petitions = null);

/// <summary>
/// A voter petition, filed <see cref="FiledDaysAgo"/> days before seeding at a contact meeting (when
/// <see cref="Meeting"/> is set) or online; then, each when given, routed, answered, reported back and rated.
/// </summary>
internal sealed record DemoPetition(
    Guid PetitionId, string BodyId, int FiledDaysAgo, Domain.Petitions.PetitionField Field, string Title, string Text, int Supporters,
    string ProvinceId, string? Commune, DemoMeeting? Meeting, DemoRouting? Route, DemoPetitionAnswer? Answer, bool ReportedBack = false,
    IReadOnlyList<Domain.Petitions.SatisfactionRating>? Ratings = null);

internal sealed record DemoMeeting(Guid MeetingId, Domain.Petitions.MeetingTiming Timing, int? Session, IReadOnlyList<string> HeldBy);

internal sealed record DemoRouting(string AgencyId, string AgencyBodyId, int DaysAgo);

internal sealed record DemoPetitionAnswer(int DaysAgo, string Markdown, Domain.Petitions.PetitionOutcome Outcome);

/// <summary>A resolution on questioning, adopted <see cref="AdoptedDaysAgo"/> days before seeding, and the clauses given to agencies.</summary>
internal sealed record DemoResolution(
    Guid ResolutionId, string BodyId, string Number, string Title, int AdoptedDaysAgo, string Markdown, IReadOnlyList<DemoClauseAssignment> Assign);

internal sealed record DemoClauseAssignment(int Clause, string AgencyId, string? OfficialId, int BeforeSession, string? ExpectedResult);

internal sealed record DemoBody(
    string BodyId, BodyKind Kind, string Name, string NameEn, string? ParentBodyId, string Term, string RulesProfile,
    IReadOnlyList<Member> Members, IReadOnlyList<Agency> Agencies, IReadOnlyList<Official> Officials,
    IReadOnlyList<DemoSession>? Sessions = null);

/// <summary>A session of the body's term, opening <see cref="OpensInDays"/> days from the day of seeding.</summary>
internal sealed record DemoSession(int Number, int OpensInDays);

internal sealed record DemoAccount(string Username, string DisplayName, IReadOnlyList<Grant> Grants);

/// <summary>A demo sitting; with a <see cref="Script"/> it is also run (live or past), see <see cref="DemoRun"/>.</summary>
internal sealed record DemoSitting(
    Guid SittingId, string BodyId, string Title, int StartsInDays, TimeOnly LocalStartTime,
    IReadOnlyList<DemoCluster> Clusters, IReadOnlyList<DemoSlip> Slips, IReadOnlyList<DemoStep>? Script = null);

internal sealed record DemoCluster(Guid ClusterId, string Title, string Main, IReadOnlyList<string> Related);

internal sealed record DemoSlip(string Deputy, int? Cluster, string Respondent, string Text);

/// <summary>
/// One step of a demo sitting's run, <see cref="At"/> after its start. Registrations are numbered in
/// the order the script makes them; a turn's end, a transcript segment and a commitment refer to the
/// latest turn.
/// </summary>
internal sealed record DemoStep(
    TimeSpan At,
    string Step,
    int? Cluster = null,
    string? Deputy = null,
    int? Slip = null,
    string? Text = null,
    int? Count = null,
    TurnKind? Kind = null,
    int? Registration = null,
    string? Speaker = null,
    string? Markdown = null,
    /// <summary>The id of the registered agency that owns a commitment.</summary>
    string? Owner = null,
    int? DeadlineDays = null);
