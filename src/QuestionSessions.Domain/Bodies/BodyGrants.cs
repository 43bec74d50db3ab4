namespace QuestionSessions.Domain.Bodies;

/// <summary>
/// Who may hold which role in a body, decided on the body's own stream so the history of every grant is public:
/// a deputy's grant names a seated member, a respondent's an appointed official, an agency officer's a registered
/// agency. System administrators are granted on the stream keyed <see cref="Grant.AnyBody"/>, which holds nothing else.
/// </summary>
internal static class BodyGrants
{
    private const int MaxName = 200;

    public static Decision<BodyEvent> DecideSystemWide(BodyCommand command, BodyState state) => command switch
    {
        GrantRole { Role: not Role.Admin } => Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "role_needs_body",
            "Only the administrator role is granted across every body; other roles are granted in one body."),
        GrantRole c => Grant(c, state),
        RevokeRole c => Revoke(c, state),
        _ => Decision<BodyEvent>.Refuse(ErrorKind.NotFound, "body_not_found", "The body does not exist."),
    };

    public static Decision<BodyEvent> Grant(GrantRole c, BodyState state)
    {
        if (c.BodyId != Domain.Grant.AnyBody && c.BodyId != state.BodyId)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "body_mismatch", "The grant names another body.");
        }

        var userId = c.UserId?.Trim() ?? "";
        var name = c.DisplayName?.Trim() ?? "";
        if (!Texts.Fits(userId, 64) || !Texts.Fits(name, MaxName) || !Enum.IsDefined(c.Role))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "grant_invalid", "A grant names an account, its display name and a role.");
        }

        var personId = c.PersonId is { Length: > 0 } p ? p.Trim() : null;
        if (PersonProblem(c.Role, personId, state) is { } problem)
        {
            return problem;
        }

        if (state.Grants.Any(g => g.Is(userId, c.Role, personId)))
        {
            return Decision<BodyEvent>.Nothing;
        }

        // One member or official is one person: a second account may not speak as them.
        if (personId is not null && c.Role is Role.Deputy or Role.Respondent
            && state.Grants.FirstOrDefault(g => g.Role == c.Role && g.PersonId == personId) is { } holder)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "person_taken", $"Another account ({holder.DisplayName}) already holds this role for '{personId}'.");
        }

        return Decision<BodyEvent>.Accept(new RoleGranted(userId, name, c.Role, personId, c.Actor.Ref, c.Now));
    }

    public static Decision<BodyEvent> Revoke(RevokeRole c, BodyState state)
    {
        if (c.BodyId != Domain.Grant.AnyBody && c.BodyId != state.BodyId)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "body_mismatch", "The revocation names another body.");
        }

        var reason = c.Reason?.Trim() ?? "";
        if (!Texts.Fits(reason, 500))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "reason_required", "Say why the role is taken back (at most 500 characters).");
        }

        var personId = c.PersonId is { Length: > 0 } p ? p.Trim() : null;
        if (!state.Grants.Any(g => g.Is(c.UserId, c.Role, personId)))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.NotFound, "grant_not_found", "The account does not hold this role here.");
        }

        // A system administrator cannot take away the last system-wide administrator: no one could grant it again.
        if (c.BodyId == Domain.Grant.AnyBody && state.Grants.Count(g => g.Role == Role.Admin) == 1)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "last_administrator", "The last system administrator cannot be revoked.");
        }

        return Decision<BodyEvent>.Accept(new RoleRevoked(c.UserId, c.Role, personId, reason, c.Actor.Ref, c.Now));
    }

    private static Decision<BodyEvent>? PersonProblem(Role role, string? personId, BodyState state) => role switch
    {
        Role.Deputy when personId is null || state.SeatedMember(personId) is null =>
            Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "member_not_found", "A deputy's grant names a member seated in the body now."),
        Role.Respondent when personId is null || state.ServingOfficial(personId) is null =>
            Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "official_not_found", "A respondent's grant names an official answering to the body (appointed, not relieved)."),
        Role.AgencyOfficer when personId is null || !state.Agencies.ContainsKey(personId) =>
            Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "agency_not_found", "An agency officer's grant names an agency registered with the body."),
        Role.Deputy or Role.Respondent or Role.AgencyOfficer => null,
        _ when personId is not null =>
            Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "person_not_expected", "Only deputies, respondents and agency officers act for a person or agency."),
        _ => null,
    };
}
