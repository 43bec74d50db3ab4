using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Petitions;

/// <summary>Routing to one agency, rerouting a wrongly addressed petition, and the agency's answers.</summary>
public sealed partial class PetitionDecider
{
    private static Decision<PetitionEvent> Route(RoutePetition c, PetitionState state)
    {
        if (Classifier(c, state, "route a petition") is { } denied)
        {
            return denied;
        }

        if (state.Status == PetitionStatus.Merged)
        {
            return Refuse(ErrorKind.Conflict, "petition_merged", "A merged petition is routed through the one it was merged into.");
        }

        var routing = c.Routing.Normalized();
        if (state.Routing is { } current)
        {
            return current.SameAgency(routing)
                ? Decision<PetitionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "already_routed", "The petition is with another agency: reroute it, giving the reason.");
        }

        return Decision<PetitionEvent>.Accept(new PetitionRouted(routing, c.Actor.Ref, c.Now));
    }

    private static Decision<PetitionEvent> Reroute(ReroutePetition c, PetitionState state)
    {
        if (Classifier(c, state, "reroute a petition") is { } denied)
        {
            return denied;
        }

        if (state.Status == PetitionStatus.Merged)
        {
            return Refuse(ErrorKind.Conflict, "petition_merged", "A merged petition is routed through the one it was merged into.");
        }

        if (state.Routing is not { } current)
        {
            return Refuse(ErrorKind.Conflict, "not_routed", "The petition has not been routed yet: route it.");
        }

        var routing = c.Routing.Normalized();
        if (current.SameAgency(routing))
        {
            return Decision<PetitionEvent>.Nothing;
        }

        return state.IsAnswered
            ? Refuse(ErrorKind.Conflict, "already_answered", "The agency has answered: the petition is no longer rerouted.")
            : Decision<PetitionEvent>.Accept(new PetitionRerouted(current, routing, Texts.Clean(c.Reason), c.Actor.Ref, c.Now));
    }

    private static Decision<PetitionEvent> Answer(AnswerPetition c, PetitionState state)
    {
        if (state.Routing is not { } routing)
        {
            return Refuse(ErrorKind.Conflict, "not_routed", "The petition has not been routed to an agency yet.");
        }

        if (!c.Actor.Grants.Any(g => g.Role == Role.AgencyOfficer && g.BodyId == routing.AgencyBodyId && g.PersonId == routing.AgencyId))
        {
            return Refuse(ErrorKind.Forbidden, "agency_officer_required", $"Only an officer of {routing.AgencyName} may answer this petition.");
        }

        if (state.AnswerIds.Contains(c.AnswerId))
        {
            return Decision<PetitionEvent>.Nothing;
        }

        if (state.IsResolved)
        {
            return Refuse(ErrorKind.Conflict, "petition_resolved", "The petition is resolved: nothing more is answered on it.");
        }

        var late = VietnamTime.Today(c.Now) > routing.Deadline;
        return Decision<PetitionEvent>.Accept(new PetitionAnswered(c.AnswerId, routing.AgencyId, Texts.Clean(c.Markdown), c.Outcome, late, c.Actor.Ref, c.Now));
    }
}
