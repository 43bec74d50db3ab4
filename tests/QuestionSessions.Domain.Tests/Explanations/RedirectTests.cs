using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class RedirectTests
{
    private static ExplanationState Redirected() => Apply(Filed(), RedirectToWard());

    [Fact]
    public void A_redirect_moves_the_request_to_the_competent_agency_and_restarts_the_clock()
    {
        var redirected = Assert.IsType<ExplanationRequestRedirected>(Assert.Single(ExplanationDecider.Decide(RedirectToWard(), Filed()).Events));
        Assert.Equal(Agency, redirected.From);
        Assert.Equal(Ward, redirected.To);
        Assert.False(redirected.Late);

        var state = Redirected();
        Assert.Equal(ExplanationStatus.Received, state.Status);
        Assert.Equal(Ward, state.Agency);
        Assert.Equal([Agency, Ward], state.AgencyHistory);
        Assert.Equal(1, state.Redirects);
        Assert.Equal(new DateOnly(2026, 3, 11), state.AcknowledgeBy);
        Assert.Equal(At(3, 4, 9), state.AcknowledgeClockFrom);
        Assert.Equal(Now, state.ReceivedAt);
    }

    [Fact]
    public void After_a_redirect_the_new_agency_acts_and_the_old_one_no_longer_can()
    {
        var ward = Officer("ubnd-p-hoan-kiem");
        DecisionAssert.Refused(ExplanationDecider.Decide(Accept(by: Officer()), Redirected()), ErrorKind.Forbidden, "agency_officer_required");
        var accepted = Apply(Redirected(), Accept(At(3, 5, 9), new DateOnly(2026, 3, 20), ward));
        Assert.Equal(ExplanationStatus.Accepted, accepted.Status);
        DecisionAssert.Refused(ExplanationDecider.Decide(Explanation(by: Officer()), accepted), ErrorKind.Forbidden, "agency_officer_required");
    }

    [Fact]
    public void Only_an_officer_of_the_agency_holding_it_redirects()
    {
        foreach (var who in AcknowledgementTests.Outsiders)
        {
            DecisionAssert.Refused(
                ExplanationDecider.Decide(RedirectToWard(by: AcknowledgementTests.Outsider(who)), Filed()), ErrorKind.Forbidden, "agency_officer_required");
        }
    }

    [Fact]
    public void A_repeated_redirect_is_a_no_op_and_a_redirect_to_the_same_agency_is_refused()
    {
        DecisionAssert.NoOp(ExplanationDecider.Decide(RedirectToWard(), Redirected()));
        DecisionAssert.Refused(
            ExplanationDecider.Decide(RedirectToWard() with { To = Agency with { AgencyName = "Sở NN&MT" } }, Filed()), ErrorKind.Invalid, "same_agency");

        // The same agency id registered to another body is another agency.
        var elsewhere = Apply(Filed(), RedirectToWard() with { To = Agency with { AgencyBodyId = "hdnd-hp" } });
        Assert.Equal("hdnd-hp", elsewhere.Agency!.AgencyBodyId);
    }

    [Fact]
    public void A_redirect_needs_the_agency_a_reason_and_a_sane_acknowledge_by_day()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(RedirectToWard() with { To = Ward with { AgencyName = "" } }, Filed()), ErrorKind.Invalid, "agency_required");
        DecisionAssert.Refused(ExplanationDecider.Decide(RedirectToWard() with { Reason = "" }, Filed()), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(RedirectToWard(acknowledgeBy: new DateOnly(2026, 3, 4)), Filed()), ErrorKind.Invalid, "acknowledge_by_not_future");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(RedirectToWard(acknowledgeBy: new DateOnly(2026, 4, 4)), Filed()), ErrorKind.Invalid, "acknowledge_by_too_far");
    }

    [Fact]
    public void An_accepted_request_is_not_redirected()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(RedirectToWard(), Accepted()), ErrorKind.Conflict, "already_acknowledged");
    }

    [Fact]
    public void A_late_redirect_is_recorded_late_and_clears_the_acknowledgement_overdue()
    {
        var overdue = Apply(Filed(), new RunExplanationMilestones(Actor.System, At(3, 10)));
        Assert.True(overdue.AcknowledgementOverdue);

        var late = RedirectToWard(At(3, 11, 9), new DateOnly(2026, 3, 18));
        Assert.True(Assert.IsType<ExplanationRequestRedirected>(Assert.Single(ExplanationDecider.Decide(late, overdue).Events)).Late);
        var redirected = Apply(overdue, late);
        Assert.False(redirected.AcknowledgementOverdue);
        Assert.Null(redirected.AcknowledgementOverdueSince);

        // The new agency acknowledging by its own day is on time.
        var accepted = Apply(redirected, Accept(At(3, 18, 9), new DateOnly(2026, 4, 2), Officer("ubnd-p-hoan-kiem")));
        Assert.False(accepted.AcknowledgedLate);
    }

    [Fact]
    public void A_request_is_redirected_at_most_ten_times()
    {
        var state = Filed();
        for (var i = 1; i <= ExplanationDecider.MaxRedirects; i++)
        {
            var to = new RequestedAgency($"co-quan-{i}", $"Cơ quan {i}", Body);
            state = Apply(state, new RedirectRequest(to, "Không thuộc thẩm quyền.", new DateOnly(2026, 3, 11), Officer(state.Agency!.AgencyId), At(3, 4, 9)));
        }

        Assert.Equal(ExplanationDecider.MaxRedirects + 1, state.AgencyHistory.Count);
        DecisionAssert.Refused(
            ExplanationDecider.Decide(RedirectToWard(by: Officer(state.Agency!.AgencyId)), state), ErrorKind.Conflict, "too_many_redirects");
    }
}
