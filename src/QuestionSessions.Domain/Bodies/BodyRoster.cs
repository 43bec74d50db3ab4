using System.Collections.Immutable;
using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Bodies;

/// <summary>
/// Members leaving the body and officials leaving their post. Nobody is deleted: the member or official stays in
/// the body's state under their id, so questions, sittings and commitments that name them keep their name, and
/// the departure (why, from when, recorded by whom) is public. The grant that let an account speak as them is
/// revoked in the same decision, so no account keeps acting for someone who is gone.
/// </summary>
internal static class BodyRoster
{
    private const int MaxReason = 500;

    public static Decision<BodyEvent> Unseat(UnseatMember c, BodyState state) =>
        Depart(c, c.MemberId, c.Reason, c.On, state, state.Members.ContainsKey(c.MemberId?.Trim() ?? ""), state.Unseated, Role.Deputy,
            Decision<BodyEvent>.Refuse(ErrorKind.NotFound, "member_not_found", "No member with this id was ever seated in the body."),
            (id, reason) => new MemberUnseated(id, reason, c.On, c.Actor.Ref, c.Now));

    public static Decision<BodyEvent> Relieve(RelieveOfficial c, BodyState state) =>
        Depart(c, c.OfficialId, c.Reason, c.On, state, state.Officials.ContainsKey(c.OfficialId?.Trim() ?? ""), state.Relieved, Role.Respondent,
            Decision<BodyEvent>.Refuse(ErrorKind.NotFound, "official_not_found", "No official with this id was ever appointed to the body."),
            (id, reason) => new OfficialRelieved(id, reason, c.On, c.Actor.Ref, c.Now));

    public static BodyState Evolve(BodyState state, MemberUnseated e) =>
        state with { Unseated = state.Unseated.SetItem(e.MemberId, new Departure(e.Reason, e.On, e.By, e.At)) };

    public static BodyState Evolve(BodyState state, OfficialRelieved e) =>
        state with { Relieved = state.Relieved.SetItem(e.OfficialId, new Departure(e.Reason, e.On, e.By, e.At)) };

    /// <summary>The departure of <paramref name="rawId"/>, known or not, gone already or not, with the grants acting as them (<paramref name="actsAs"/>) revoked.</summary>
    private static Decision<BodyEvent> Depart(
        BodyCommand c, string? rawId, string? rawReason, DateOnly on, BodyState state, bool known, ImmutableSortedDictionary<string, Departure> gone,
        Role actsAs, Decision<BodyEvent> unknown, Func<string, string, BodyEvent> departed)
    {
        if (!known)
        {
            return unknown;
        }

        if (Problem(rawReason, on, c.Now) is { } problem)
        {
            return problem;
        }

        var id = rawId!.Trim();
        if (gone.ContainsKey(id))
        {
            return Decision<BodyEvent>.Nothing;
        }

        var reason = Texts.Clean(rawReason!, multiline: false);
        return Decision<BodyEvent>.Accept([
            departed(id, reason),
            .. state.Grants.Where(g => g.Role == actsAs && g.PersonId == id).Select(g => new RoleRevoked(g.UserId, g.Role, g.PersonId, reason, c.Actor.Ref, c.Now)),
        ]);
    }

    // A departure is a fact already true: its day is today or earlier (Vietnam's calendar), and it says why.
    private static Decision<BodyEvent>? Problem(string? reason, DateOnly on, DateTimeOffset now)
    {
        if (!Texts.Fits(reason, MaxReason) || Texts.HasDirectionControls(reason))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "reason_required", "Say why (at most 500 characters, without direction controls).");
        }

        return VietnamTime.IsInRange(on) && on <= VietnamTime.Today(now)
            ? null
            : Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "departure_date", "The day of leaving is today or a day before it.");
    }
}
