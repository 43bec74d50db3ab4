namespace QuestionSessions.Domain.Bodies;

/// <summary>Bodies are set up by administrators; members and officials are added by events, never edited in place.</summary>
public sealed class BodyDecider : IDecider<BodyState, BodyCommand, BodyEvent>
{
    public static string Category => "body";

    public static BodyState Initial => BodyState.Empty;

    public static Decision<BodyEvent> Decide(BodyCommand command, BodyState state)
    {
        // A body's administrator acts in that body only (not in the bodies below it); a system administrator
        // (Grant.AnyBody) everywhere. System-wide grants live on the stream keyed "*", which no body has.
        var bodyId = command switch
        {
            EstablishBody e => e.BodyId,
            GrantRole g when g.BodyId == Grant.AnyBody => Grant.AnyBody,
            RevokeRole r when r.BodyId == Grant.AnyBody => Grant.AnyBody,
            _ => state.BodyId,
        };
        if (!command.Actor.Holds(Role.Admin, bodyId))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Forbidden, "admin_required", "Only an administrator may change a body.");
        }

        if (bodyId == Grant.AnyBody)
        {
            return BodyGrants.DecideSystemWide(command, state);
        }

        if (command is not EstablishBody && !state.Exists)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.NotFound, "body_not_found", "The body does not exist.");
        }

        return command switch
        {
            EstablishBody c => Establish(c, state),
            SeatMember c => Seat(c, state),
            AppointOfficial c => Appoint(c, state),
            RegisterAgency c => Register(c, state),
            AdoptRulesProfile c => Adopt(c, state),
            ScheduleSession c => Schedule(c, state),
            BeginTerm c => Begin(c, state),
            GrantRole c => BodyGrants.Grant(c, state),
            RevokeRole c => BodyGrants.Revoke(c, state),
            UnseatMember c => BodyRoster.Unseat(c, state),
            RelieveOfficial c => BodyRoster.Relieve(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
    }

    public static BodyState Evolve(BodyState state, BodyEvent @event) => @event switch
    {
        BodyEstablished e => state with
        {
            BodyId = e.BodyId, Kind = e.Kind, Name = e.Name, NameEn = e.NameEn, ParentBodyId = e.ParentBodyId, Term = e.Term,
        },
        MemberSeated e => state with { Members = state.Members.SetItem(e.Member.MemberId, e.Member) },
        OfficialAppointed e => state with { Officials = state.Officials.SetItem(e.Official.OfficialId, e.Official) },
        AgencyRegistered e => state with { Agencies = state.Agencies.SetItem(e.Agency.AgencyId, e.Agency) },
        SessionScheduled e => state with { Sessions = state.Sessions.SetItem(e.Number, e.OpensOn) },
        RulesProfileAdopted e => state with
        {
            RulesProfiles = state.RulesProfiles.RemoveAll(p => p.EffectiveFrom == e.Profile.EffectiveFrom)
                .Add(e.Profile).Sort((a, b) => a.EffectiveFrom.CompareTo(b.EffectiveFrom)),
        },
        TermBegan e => state with
        {
            Term = e.Term,
            TermStartsOn = e.StartsOn,
            TermEndsOn = e.EndsOn,
            // Sessions are numbered within a term: a new term starts from session 1.
            Sessions = e.Term == state.Term ? state.Sessions : state.Sessions.Clear(),
        },
        MemberUnseated e => BodyRoster.Evolve(state, e),
        OfficialRelieved e => BodyRoster.Evolve(state, e),
        RoleGranted e => state with { Grants = state.Grants.Add(new HeldRole(e.UserId, e.DisplayName, e.Role, e.PersonId)) },
        RoleRevoked e => state with { Grants = state.Grants.RemoveAll(g => g.Is(e.UserId, e.Role, e.PersonId)) },
        _ => state,
    };

    private static Decision<BodyEvent> Establish(EstablishBody c, BodyState state)
    {
        if (state.Exists)
        {
            return state.Name == Texts.Clean(c.Name) && state.Kind == c.Kind
                ? Decision<BodyEvent>.Nothing
                : Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "body_exists", "A body with this id already exists.");
        }

        if (!Texts.HasContent(c.BodyId) || !Texts.IsLine(c.Name))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "body_name_required", "A body needs an id and a name: one line, without direction controls.");
        }

        if (!IsId(c.BodyId) || !Texts.Fits(c.Name, 200) || (c.NameEn?.Length ?? 0) > 200 || (c.Term?.Length ?? 0) > 40 || c.ParentBodyId == c.BodyId)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "body_invalid",
                "A body needs an id of 1 to 64 letters, digits, '-', '_' or '.', a name of at most 200 characters and a term of at most 40.");
        }

        return Decision<BodyEvent>.Accept(new BodyEstablished(
            c.BodyId, c.Kind, Texts.Clean(c.Name, multiline: false), Texts.CleanOrNull(c.NameEn, multiline: false) ?? "", c.ParentBodyId,
            Texts.CleanOrNull(c.Term, multiline: false) ?? "", c.Actor.Ref, c.Now));
    }

    private static Decision<BodyEvent> Seat(SeatMember c, BodyState state)
    {
        if (!Texts.HasContent(c.Member.MemberId) || !Texts.IsLine(c.Member.Name))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "member_name_required", "A member needs an id and a name: one line, without direction controls.");
        }

        var member = c.Member with { Name = Texts.Clean(c.Member.Name) };

        if (state.Officials.ContainsKey(c.Member.MemberId))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "id_taken", "This id already names an official of the body.");
        }

        if (state.Members.TryGetValue(member.MemberId, out var seated) && seated == member)
        {
            // Also for an unseated member: a roster file imported again neither fails on nor undoes the departure.
            return Decision<BodyEvent>.Nothing;
        }

        // An unseated member's id keeps their history; a new seat (after a by-election) is a new id.
        return state.Unseated.ContainsKey(member.MemberId)
            ? Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "member_unseated", "This member was unseated; a new seat takes a new id.")
            : Decision<BodyEvent>.Accept(new MemberSeated(member, c.Actor.Ref, c.Now));
    }

    private static Decision<BodyEvent> Appoint(AppointOfficial c, BodyState state)
    {
        if (!Texts.HasContent(c.Official.OfficialId) || !Texts.IsLine(c.Official.Name))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "official_name_required", "An official needs an id and a name: one line, without direction controls.");
        }

        var official = c.Official with { Name = Texts.Clean(c.Official.Name) };

        if (state.Members.ContainsKey(c.Official.OfficialId))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "id_taken", "This id already names a member of the body.");
        }

        if (c.Official.AgencyId is { } agencyId && !state.Agencies.ContainsKey(agencyId))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "agency_not_found", "Register the official's agency with the body first.");
        }

        if (state.Officials.TryGetValue(official.OfficialId, out var known) && known == official)
        {
            // Also for a relieved official: an officials file imported again neither fails on nor undoes the relief.
            return Decision<BodyEvent>.Nothing;
        }

        // A relieved official's id keeps the name past sittings show; a new post is a new appointment under a new id.
        return state.Relieved.ContainsKey(official.OfficialId)
            ? Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "official_relieved", "This official was relieved; a new post takes a new id.")
            : Decision<BodyEvent>.Accept(new OfficialAppointed(official, c.Actor.Ref, c.Now));
    }

    private static Decision<BodyEvent> Register(RegisterAgency c, BodyState state)
    {
        var agency = c.Agency with { AgencyId = Texts.CleanOrNull(c.Agency.AgencyId) ?? "", Name = Texts.CleanOrNull(c.Agency.Name) ?? "", NameEn = Texts.CleanOrNull(c.Agency.NameEn) ?? "" };
        if (!IsId(agency.AgencyId) || !Texts.IsLine(agency.Name, 200) || agency.NameEn.Length > 200)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "agency_invalid",
                "An agency needs an id of 1 to 64 letters, digits, '-', '_' or '.', and a name of at most 200 characters.");
        }

        if (state.Members.ContainsKey(agency.AgencyId) || state.Officials.ContainsKey(agency.AgencyId))
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "id_taken", "This id already names a member or an official of the body.");
        }

        return state.Agencies.TryGetValue(agency.AgencyId, out var known) && known == agency
            ? Decision<BodyEvent>.Nothing
            : Decision<BodyEvent>.Accept(new AgencyRegistered(agency, c.Actor.Ref, c.Now));
    }

    private static Decision<BodyEvent> Schedule(ScheduleSession c, BodyState state)
    {
        if (c.Number is < 1 or > 99)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "session_number", "A session of the term is numbered 1 to 99.");
        }

        var earlier = state.Sessions.Where(s => s.Key < c.Number).Select(s => s.Value).DefaultIfEmpty(DateOnly.MinValue).Max();
        var later = state.Sessions.Where(s => s.Key > c.Number).Select(s => s.Value).DefaultIfEmpty(DateOnly.MaxValue).Min();
        if (c.OpensOn <= earlier || c.OpensOn >= later)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "session_order", "Sessions open in the order of their numbers.");
        }

        return state.Sessions.TryGetValue(c.Number, out var known) && known == c.OpensOn
            ? Decision<BodyEvent>.Nothing
            : Decision<BodyEvent>.Accept(new SessionScheduled(c.Number, c.OpensOn, c.Actor.Ref, c.Now));
    }

    private static Decision<BodyEvent> Begin(BeginTerm c, BodyState state)
    {
        var term = c.Term?.Trim() ?? "";
        if (!Texts.Fits(term, 40) || c.EndsOn is { } ends && ends <= c.StartsOn)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "term_invalid", "A term needs a name of at most 40 characters and ends after it starts.");
        }

        if (term != state.Term && state.TermStartsOn is { } current && c.StartsOn <= current)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Conflict, "term_order", "A new term starts after the current one.");
        }

        return term == state.Term && c.StartsOn == state.TermStartsOn && c.EndsOn == state.TermEndsOn
            ? Decision<BodyEvent>.Nothing
            : Decision<BodyEvent>.Accept(new TermBegan(term, c.StartsOn, c.EndsOn, c.Actor.Ref, c.Now));
    }

    /// <summary>An id of 1 to 64 letters, digits, '-', '_' or '.' (bodies, members, agencies).</summary>
    public static bool IsId(string id) =>
        id.Length is > 0 and <= 64 && id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.');

    private static Decision<BodyEvent> Adopt(AdoptRulesProfile c, BodyState state)
    {
        if (c.Profile.Problem() is { } problem)
        {
            return Decision<BodyEvent>.Refuse(ErrorKind.Invalid, "rules_profile_invalid", problem);
        }

        return state.RulesProfiles.Contains(c.Profile)
            ? Decision<BodyEvent>.Nothing
            : Decision<BodyEvent>.Accept(new RulesProfileAdopted(c.Profile, c.Actor.Ref, c.Now));
    }
}
