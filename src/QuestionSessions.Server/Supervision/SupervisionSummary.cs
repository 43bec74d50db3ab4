using System.Data.Common;
using System.Globalization;
using QuestionSessions.Domain.Supervision;

namespace QuestionSessions.Server.Supervision;

/// <summary>
/// One supervision topic as the public list shows it. <see cref="PlanOverdue"/> and <see cref="DraftOverdue"/>
/// say a deadline passed and was recorded (the plan's, the draft report's now in force);
/// <see cref="SupplementsOverdue"/> counts supplement requests that went unanswered past their day.
/// </summary>
internal sealed record SupervisionSummary(
    Guid TopicId,
    string BodyId,
    string? Term,
    string Title,
    string AssignedTo,
    string? DecisionReference,
    SupervisionStage Stage,
    int Supervised,
    DateOnly PlanDueBy,
    DateTimeOffset? PlanSentAt,
    bool PlanLate,
    bool PlanOverdue,
    int Evidence,
    int Reports,
    int Visits,
    int Findings,
    int Recommendations,
    int SupplementsOverdue,
    DateOnly? DraftDueBy,
    bool DraftOverdue,
    string? ResolutionReference,
    int FollowUps,
    DateTimeOffset DecidedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static SupervisionSummary Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), Str(r, 2), r.GetString(3), r.GetString(4), Str(r, 5), Enum.Parse<SupervisionStage>(r.GetString(6)),
        Int(r, 7), DateOf(r, 8)!.Value, Instant(r, 9), Int(r, 10) != 0, Int(r, 11) != 0, Int(r, 12), Int(r, 13), Int(r, 14), Int(r, 15), Int(r, 16),
        Int(r, 17), DateOf(r, 18), Int(r, 19) != 0, Str(r, 20), Int(r, 21), Instant(r, 22)!.Value, Instant(r, 23), Instant(r, 24)!.Value,
        Convert.ToInt64(r.GetValue(25), CultureInfo.InvariantCulture));

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly? DateOf(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>A page of topics and how many the filter matches in all.</summary>
internal sealed record SupervisionPage(int Total, int Offset, IReadOnlyList<SupervisionSummary> Items);
