namespace QuestionSessions.Domain.Commitments;

/// <summary>A promise made in public, or a question owed a written answer after the sitting.</summary>
public enum CommitmentKind
{
    Commitment,
    WrittenAnswer,
}

/// <summary>Where a commitment comes from.</summary>
public enum SourceKind
{
    /// <summary>An answer in a questioning sitting: sitting → cluster → question → answer.</summary>
    Answer,
    /// <summary>A task clause of the body's resolution on questioning.</summary>
    ResolutionClause,
    /// <summary>A recommendation of a topical supervision.</summary>
    Recommendation,
}

/// <summary>
/// Where a commitment stands. Overdue is not a status: a commitment in progress, submitted or claimed
/// can also be overdue (<see cref="CommitmentState.OverdueSince"/>), and the ledger shows both.
/// </summary>
public enum CommitmentStatus
{
    None,
    InProgress,
    /// <summary>Submitted to the competent authority (đã trình cấp có thẩm quyền).</summary>
    Submitted,
    /// <summary>The owner says it is done; the questioner or the supervising committee has not yet said.</summary>
    Claimed,
    Verified,
    Disputed,
    PartiallyFulfilled,
    NotFulfilled,
    Withdrawn,
}

/// <summary>What the questioner or the supervising committee found.</summary>
public enum Assessment
{
    Verified,
    Disputed,
    PartiallyFulfilled,
    NotFulfilled,
}

/// <summary>
/// The chain a commitment came from. For an answer: the body, sitting, issue cluster, question and the
/// deputy who asked it; for a resolution: the resolution and its clause number; for a supervision: the
/// topic and the recommendation. Fields of the other kinds stay null. <see cref="Term"/> is the body's
/// term when the commitment was made, so the ledger can be read term by term.
/// </summary>
public sealed record Provenance(
    SourceKind Kind,
    string BodyId,
    Guid? SittingId = null,
    Guid? ClusterId = null,
    Guid? QuestionId = null,
    string? QuestionerId = null,
    Guid? ResolutionId = null,
    int? Clause = null,
    Guid? TopicId = null,
    Guid? RecommendationId = null,
    string? Term = null)
{
    /// <summary>Why the chain is incomplete for its kind, or null.</summary>
    public string? Problem() => Kind switch
    {
        _ when !Texts.HasContent(BodyId) => "A commitment belongs to a body.",
        // A slip filed to no issue cluster and owed a written answer has no cluster: the rest of the chain holds.
        SourceKind.Answer when SittingId is null || QuestionId is null =>
            "A commitment made in an answer names its sitting and question (and its issue cluster, when it had one).",
        SourceKind.ResolutionClause when ResolutionId is null || Clause is not > 0 =>
            "A commitment from a resolution names the resolution and a clause number.",
        SourceKind.Recommendation when TopicId is null || RecommendationId is null =>
            "A commitment from a supervision names the topic and the recommendation.",
        _ => null,
    };
}

/// <summary>The one agency responsible, and the official who made the commitment (when one did).</summary>
public sealed record CommitmentOwner(string AgencyId, string AgencyName, string? OfficialId = null, string? OfficialName = null);

/// <summary>
/// The date by which the commitment is kept (the whole day, Asia/Ho_Chi_Minh), and how it was put when
/// it was not a date: "before session 11" is resolved to the day before that session opens and keeps the
/// label <c>session:11</c>, which screens put in words.
/// </summary>
public sealed record CommitmentDeadline(DateOnly Date, string? Label = null)
{
    /// <summary>How far ahead a deadline may lie: a term is five years; twenty leaves room for long works.</summary>
    public const int MaxYearsAhead = 20;

    /// <summary>
    /// Why a deadline cannot be set on <paramref name="today"/> (Hanoi): it must lie in the future, and within
    /// <see cref="MaxYearsAhead"/> years. Null when it can.
    /// </summary>
    public static DomainError? Problem(DateOnly date, DateOnly today) =>
        date <= today ? new DomainError(ErrorKind.Invalid, "deadline_not_future", "A commitment's deadline lies in the future.")
        : date > today.AddYears(MaxYearsAhead) ? new DomainError(ErrorKind.Invalid, "deadline_too_far", $"A commitment's deadline lies within {MaxYearsAhead} years.")
        : null;

    /// <summary>"Before session <paramref name="number"/>", which opens on <paramref name="opensOn"/>.</summary>
    public static CommitmentDeadline BeforeSession(int number, DateOnly opensOn) =>
        new(opensOn.AddDays(-1), $"session:{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
