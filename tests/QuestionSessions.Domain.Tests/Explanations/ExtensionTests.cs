using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class ExtensionTests
{
    private static ExtendExplanation Extend(DateOnly? to = null, DateTimeOffset? on = null, Actor? by = null) =>
        new(to ?? new DateOnly(2026, 4, 3), "Cần xác minh hồ sơ địa chính qua nhiều thời kỳ.", by ?? Officer(), on ?? At(3, 12, 9));

    [Fact]
    public void One_extension_of_at_most_15_days_keeps_the_original_day()
    {
        var extended = Assert.IsType<ExplanationExtended>(Assert.Single(ExplanationDecider.Decide(Extend(), Accepted()).Events));
        Assert.Equal(ExplainBy, extended.Previous);

        var state = Apply(Accepted(), Extend());
        Assert.True(state.Extended);
        Assert.Equal(new DateOnly(2026, 4, 3), state.ExplainBy);
        Assert.Equal(ExplainBy, state.OriginalExplainBy);
    }

    [Fact]
    public void A_second_extension_is_refused_and_the_same_one_again_is_a_no_op()
    {
        var extended = Apply(Accepted(), Extend(new DateOnly(2026, 3, 25)));
        DecisionAssert.NoOp(ExplanationDecider.Decide(Extend(new DateOnly(2026, 3, 25)), extended));
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(new DateOnly(2026, 3, 30)), extended), ErrorKind.Conflict, "already_extended");
    }

    [Fact]
    public void The_new_day_is_later_and_at_most_15_days_after_the_day_in_force()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(new DateOnly(2026, 4, 4)), Accepted()), ErrorKind.Invalid, "extension_too_long");
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(ExplainBy), Accepted()), ErrorKind.Invalid, "extension_not_later");
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(new DateOnly(2026, 3, 18)), Accepted()), ErrorKind.Invalid, "extension_not_later");
    }

    [Fact]
    public void An_extension_needs_a_reason_an_officer_and_an_accepted_request_still_in_time()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend() with { Reason = "\u200b" }, Accepted()), ErrorKind.Invalid, "reason_required");
        foreach (var who in AcknowledgementTests.Outsiders)
        {
            DecisionAssert.Refused(ExplanationDecider.Decide(Extend(by: AcknowledgementTests.Outsider(who)), Accepted()), ErrorKind.Forbidden, "agency_officer_required");
        }

        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(), Filed()), ErrorKind.Conflict, "not_accepted");
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(), Explained()), ErrorKind.Conflict, "already_explained");

        // On the explain-by day itself it may still be extended; the day after, the explanation is late and stays late.
        Assert.Single(ExplanationDecider.Decide(Extend(on: At(3, 19, 23)), Accepted()).Events);
        DecisionAssert.Refused(ExplanationDecider.Decide(Extend(on: At(3, 20, 0)), Accepted()), ErrorKind.Conflict, "explain_by_passed");
    }
}
