using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class RoutingTests
{
    private static ReroutePetition Reroute(string agency = "na-a-construction", DateOnly? deadline = null, Actor? by = null, string reason = "Thuộc thẩm quyền Bộ Xây dựng") =>
        new(PetitionLevel.Central, agency, "Bộ Xây dựng", Actors.NationalAssembly, deadline ?? new DateOnly(2027, 2, 15), reason, by ?? Supervisor(), Now.AddDays(5));

    [Fact]
    public void A_petition_is_routed_to_one_agency_with_its_deadline()
    {
        var state = Routed();
        Assert.Equal(PetitionStatus.Routed, state.Status);
        Assert.Equal(new PetitionRouting(PetitionLevel.Central, Agency, "Bộ Y tế", Actors.NationalAssembly, Deadline), state.Routing);
        Assert.Equal(Now.AddDays(1), state.RoutedAt);
    }

    [Fact]
    public void Routing_again_to_the_same_agency_is_a_no_op_and_to_another_needs_a_reroute()
    {
        DecisionAssert.NoOp(Decide(Route(), Routed()));
        DecisionAssert.NoOp(Decide(Route(deadline: Deadline.AddDays(3)), Routed()));
        DecisionAssert.Refused(Decide(Route("na-a-construction"), Routed()), ErrorKind.Conflict, "already_routed");
    }

    [Fact]
    public void A_local_matter_goes_to_a_local_agency_of_the_provincial_council()
    {
        var local = new RoutePetition(PetitionLevel.Local, "hue-a-health", "Sở Y tế Huế", "pc-hue", Deadline, Actors.Secretariat(), Now);
        var state = Apply(Filed(), local);
        Assert.Equal(PetitionLevel.Local, state.Routing!.Level);
        Assert.Equal("pc-hue", state.Routing.AgencyBodyId);
    }

    [Fact]
    public void Only_the_classifying_staff_of_the_body_route()
    {
        Assert.Null(Decide(Route(by: Supervisor()), Filed()).Error);
        Assert.Null(Decide(Route(by: Actors.Admin), Filed()).Error);
        foreach (var actor in (Actor[])[Voter, Actors.Anonymous, Actors.Deputy("na-d-001"), Officer(), Actors.Secretariat("pc-hue"), Actors.Chair()])
        {
            DecisionAssert.Refused(Decide(Route(by: actor), Filed()), ErrorKind.Forbidden, "role_required");
            DecisionAssert.Refused(Decide(Reroute(by: actor), Routed()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void A_deadline_lies_after_today_in_Hanoi_and_within_a_year()
    {
        DecisionAssert.Refused(Decide(Route(deadline: Today, at: Now), Filed()), ErrorKind.Invalid, "deadline_not_future");
        Assert.Null(Decide(Route(deadline: Today.AddDays(1), at: Now), Filed()).Error);
        Assert.Null(Decide(Route(deadline: Today.AddYears(1), at: Now), Filed()).Error);
        DecisionAssert.Refused(Decide(Route(deadline: Today.AddYears(1).AddDays(1), at: Now), Filed()), ErrorKind.Invalid, "deadline_too_far");
        DecisionAssert.Refused(Decide(Route(deadline: DateOnly.MaxValue, at: Now), Filed()), ErrorKind.Invalid, "deadline_too_far");

        // 23:30 UTC on 30 November is already 1 December in Hanoi: 1 December is today, not the future.
        DecisionAssert.Refused(
            Decide(Route(deadline: Today, at: new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)), Filed()), ErrorKind.Invalid, "deadline_not_future");
    }

    [Fact]
    public void Bad_routings_are_refused()
    {
        DecisionAssert.Refused(Decide(Route() with { AgencyId = " " }, Filed()), ErrorKind.Invalid, "agency_required");
        DecisionAssert.Refused(Decide(Route() with { AgencyName = new string('B', PetitionRouting.MaxAgencyName + 1) }, Filed()), ErrorKind.Invalid, "agency_required");
        DecisionAssert.Refused(Decide(Route() with { AgencyBodyId = "" }, Filed()), ErrorKind.Invalid, "agency_body_required");
        DecisionAssert.Refused(Decide(Route() with { Level = (PetitionLevel)3 }, Filed()), ErrorKind.Invalid, "routing_level");
        DecisionAssert.Refused(Decide(Route(), PetitionDecider.Initial), ErrorKind.NotFound, "petition_not_found");
        DecisionAssert.Refused(Decide(Reroute(reason: ""), Routed()), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(Decide(Reroute(reason: new string('l', PetitionDecider.MaxReason + 1)), Routed()), ErrorKind.Invalid, "reason_required");
    }

    [Fact]
    public void A_wrongly_addressed_petition_is_rerouted_with_a_reason_and_a_fresh_deadline()
    {
        var rerouted = Apply(Routed(), Reroute());
        Assert.Equal("na-a-construction", rerouted.Routing!.AgencyId);
        Assert.Equal(new DateOnly(2027, 2, 15), rerouted.Routing.Deadline);
        Assert.Equal(1, rerouted.Reroutes);
        Assert.Equal(PetitionStatus.Routed, rerouted.Status);
        var e = Assert.IsType<PetitionRerouted>(Assert.Single(Decide(Reroute(), Routed()).Events));
        Assert.Equal(Agency, e.Previous.AgencyId);

        DecisionAssert.NoOp(Decide(Reroute(), rerouted));

        // The old agency may no longer answer; the new one may.
        DecisionAssert.Refused(Decide(AnswerWith(PetitionOutcome.Explained, Now.AddDays(6)), rerouted), ErrorKind.Forbidden, "agency_officer_required");
        Assert.Null(Decide(AnswerWith(PetitionOutcome.Explained, Now.AddDays(6), by: Officer("na-a-construction")), rerouted).Error);
    }

    [Fact]
    public void Rerouting_needs_a_routing_and_no_answer_yet()
    {
        DecisionAssert.Refused(Decide(Reroute(), Filed()), ErrorKind.Conflict, "not_routed");
        DecisionAssert.Refused(Decide(Reroute(), Answered()), ErrorKind.Conflict, "already_answered");
        DecisionAssert.NoOp(Decide(Reroute(Agency), Answered()));
    }
}
