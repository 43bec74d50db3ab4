namespace QuestionSessions.Domain.Petitions;

/// <summary>
/// The one agency responsible for answering a petition, the body it answers to (whose officers' grants name
/// it), and the day by which it answers (whole day, Asia/Ho_Chi_Minh), counted at the edge when routed.
/// </summary>
public sealed record PetitionRouting(PetitionLevel Level, string AgencyId, string AgencyName, string AgencyBodyId, DateOnly Deadline)
{
    public const int MaxAgencyId = 100;

    public const int MaxAgencyName = 300;

    /// <summary>How far ahead a deadline may lie: the law gives 60 days; a year leaves room for any body's rules.</summary>
    public const int MaxYearsAhead = 1;

    /// <summary>Why the petition cannot be routed so on <paramref name="today"/> (Hanoi), or null.</summary>
    public DomainError? Problem(DateOnly today) =>
        !Enum.IsDefined(Level) ? Invalid("routing_level", "A petition is a central or a local matter.")
        : !Texts.Fits(AgencyId, MaxAgencyId) || !Texts.IsLine(AgencyName, MaxAgencyName)
            ? Invalid("agency_required", $"Name the one responsible agency: an id of at most {MaxAgencyId} and a name of at most {MaxAgencyName} characters.")
        : !Texts.Fits(AgencyBodyId, PetitionDecider.MaxBodyId) ? Invalid("agency_body_required", "Name the body the agency answers to.")
        : Deadline <= today ? Invalid("deadline_not_future", "The agency's deadline lies in the future.")
        : Deadline > today.AddYears(MaxYearsAhead) ? Invalid("deadline_too_far", $"The agency's deadline lies within {MaxYearsAhead} year.")
        : null;

    /// <summary>The routing as stored, ids and name trimmed.</summary>
    public PetitionRouting Normalized() => this with { AgencyId = Texts.Clean(AgencyId), AgencyName = Texts.Clean(AgencyName), AgencyBodyId = Texts.Clean(AgencyBodyId) };

    /// <summary>Whether both name the same agency of the same body (the deadline aside).</summary>
    public bool SameAgency(PetitionRouting other) => AgencyId == other.AgencyId && AgencyBodyId == other.AgencyBodyId;

    private static DomainError Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
}
