using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Places;

namespace QuestionSessions.Domain.Petitions;

/// <summary>
/// A voter contact meeting (tiếp xúc cử tri) where a petition was raised: not an aggregate, the origin carried
/// in each petition's source (the meeting list is a read model). <see cref="Session"/> is the number of the
/// session it was held before or after; <see cref="HeldBy"/> are the member ids of the deputies or delegates
/// of the body who held it.
/// </summary>
public sealed record ContactMeeting(
    Guid MeetingId, DateOnly Date, MeetingTiming Timing, int? Session, Locality Locality, IReadOnlyList<string> HeldBy)
{
    public const int MaxHeldBy = 20;

    public const int MaxMemberId = 100;

    /// <summary>Why the meeting cannot be recorded on <paramref name="today"/> (Hanoi), or null.</summary>
    public DomainError? Problem(DateOnly today) =>
        MeetingId == Guid.Empty ? Invalid("meeting_id", "A contact meeting has an id.")
        : !Enum.IsDefined(Timing) ? Invalid("meeting_timing", "A contact meeting is before a session, after one, or thematic.")
        : Date > today ? Invalid("meeting_in_future", "A contact meeting has been held: its date is not in the future.")
        : Session is <= 0 ? Invalid("meeting_session", "Sessions are numbered from 1.")
        : Timing == MeetingTiming.Thematic && Session is not null ? Invalid("meeting_session", "A thematic meeting is held apart from any session.")
        : Locality?.Problem() is { } where ? Invalid("meeting_locality", where)
        : Locality is null ? Invalid("meeting_locality", "A contact meeting is held in a province.")
        : HeldBy is null || HeldBy.Count > MaxHeldBy || HeldBy.Any(id => !Texts.Fits(id, MaxMemberId))
            ? Invalid("meeting_held_by", $"A meeting is held by at most {MaxHeldBy} deputies or delegates, each named by a member id of at most {MaxMemberId} characters.")
        : null;

    /// <summary>The meeting as stored: ids and names trimmed, each member once.</summary>
    public ContactMeeting Normalized() => this with
    {
        Locality = Locality with { Commune = Texts.CleanOrNull(Locality.Commune) },
        HeldBy = [.. HeldBy.Select(id => Texts.Clean(id)).Distinct(StringComparer.Ordinal)],
    };

    private static DomainError Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
}
