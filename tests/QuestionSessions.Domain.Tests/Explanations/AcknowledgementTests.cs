using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class AcknowledgementTests
{
    private static RefuseRequest Refusal(Actor? by = null, DateTimeOffset? on = null) =>
        new(RefusalGround.NotDirectlyAffected, "Quyết định không ảnh hưởng trực tiếp đến quyền, lợi ích của người yêu cầu.", by ?? Officer(), on ?? At(3, 5, 9));

    /// <summary>Officer of another agency, officer of the same agency id in another body, a citizen, a signed-in stranger, an admin.</summary>
    public static readonly TheoryData<string> Outsiders = ["other_agency", "other_body", "citizen", "anonymous", "admin", "secretariat"];

    public static Actor Outsider(string who) => who switch
    {
        "other_agency" => Officer("ubnd-p-hoan-kiem"),
        "other_body" => Officer(body: "hdnd-hp"),
        "citizen" => Citizen,
        "anonymous" => Actors.Anonymous,
        "admin" => Actors.Admin,
        _ => Actors.Secretariat(Body),
    };

    [Fact]
    public void An_officer_of_the_agency_accepts_with_an_explain_by_day_on_time()
    {
        var accepted = Assert.IsType<ExplanationRequestAccepted>(Assert.Single(ExplanationDecider.Decide(Accept(), Filed()).Events));
        Assert.False(accepted.Late);

        var state = Accepted();
        Assert.Equal(ExplanationStatus.Accepted, state.Status);
        Assert.Equal(ExplainBy, state.ExplainBy);
        Assert.Equal(ExplainBy, state.OriginalExplainBy);
        Assert.Equal(AcceptedOn, state.AcceptedAt);
        Assert.False(state.AcknowledgedLate);
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void Nobody_but_an_officer_of_the_agency_accepts_or_refuses(string who)
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Accept(by: Outsider(who)), Filed()), ErrorKind.Forbidden, "agency_officer_required");
        DecisionAssert.Refused(ExplanationDecider.Decide(Refusal(Outsider(who)), Filed()), ErrorKind.Forbidden, "agency_officer_required");
    }

    [Fact]
    public void The_explain_by_day_lies_after_today_and_at_most_15_days_ahead()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Accept(explainBy: new DateOnly(2026, 3, 4)), Filed()), ErrorKind.Invalid, "explain_by_not_future");
        DecisionAssert.Refused(ExplanationDecider.Decide(Accept(explainBy: new DateOnly(2026, 3, 20)), Filed()), ErrorKind.Invalid, "explain_by_too_far");
        Assert.Single(ExplanationDecider.Decide(Accept(explainBy: new DateOnly(2026, 3, 5)), Filed()).Events);
    }

    [Fact]
    public void Accepting_again_is_a_no_op_and_a_different_acceptance_or_a_refusal_afterwards_is_refused()
    {
        DecisionAssert.NoOp(ExplanationDecider.Decide(Accept(), Accepted()));
        DecisionAssert.Refused(ExplanationDecider.Decide(Accept(explainBy: new DateOnly(2026, 3, 18)), Accepted()), ErrorKind.Conflict, "already_acknowledged");
        DecisionAssert.Refused(ExplanationDecider.Decide(Refusal(), Accepted()), ErrorKind.Conflict, "already_acknowledged");
    }

    [Fact]
    public void A_refusal_gives_a_ground_and_reasons_and_closes_the_request()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Refusal() with { Reason = " " }, Filed()), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(Refusal() with { Reason = new string('x', ExplanationDecider.MaxReason + 1) }, Filed()), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(ExplanationDecider.Decide(Refusal() with { Ground = (RefusalGround)42 }, Filed()), ErrorKind.Invalid, "unknown_value");

        var refused = Apply(Filed(), Refusal());
        Assert.Equal(ExplanationStatus.Refused, refused.Status);
        Assert.Equal(RefusalGround.NotDirectlyAffected, refused.RefusalGround);
        Assert.False(refused.AcknowledgedLate);
        DecisionAssert.NoOp(ExplanationDecider.Decide(Refusal(), refused));
        DecisionAssert.Refused(ExplanationDecider.Decide(Refusal() with { Ground = RefusalGround.Other }, refused), ErrorKind.Conflict, "already_acknowledged");
        DecisionAssert.Refused(ExplanationDecider.Decide(Accept(), refused), ErrorKind.Conflict, "already_acknowledged");
        DecisionAssert.Refused(ExplanationDecider.Decide(RedirectToWard(), refused), ErrorKind.Conflict, "already_acknowledged");
        DecisionAssert.Refused(ExplanationDecider.Decide(Explanation(), refused), ErrorKind.Conflict, "request_refused");
    }

    [Fact]
    public void Accepting_or_refusing_after_the_acknowledge_by_day_is_recorded_late()
    {
        // The acknowledge-by day is Monday 9 March: late from Tuesday 10 March in Hà Nội.
        var onTheDay = Apply(Filed(), Accept(At(3, 9, 23), new DateOnly(2026, 3, 24)));
        Assert.False(onTheDay.AcknowledgedLate);

        var late = ExplanationDecider.Decide(Accept(At(3, 10, 0), new DateOnly(2026, 3, 25)), Filed());
        Assert.True(Assert.IsType<ExplanationRequestAccepted>(Assert.Single(late.Events)).Late);
        Assert.True(Apply(Filed(), Accept(At(3, 10, 0), new DateOnly(2026, 3, 25))).AcknowledgedLate);
        Assert.True(Apply(Filed(), Refusal(on: At(3, 12, 8))).AcknowledgedLate);
    }
}
