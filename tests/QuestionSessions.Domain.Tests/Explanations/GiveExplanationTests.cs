using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class GiveExplanationTests
{
    private static RecordMeeting Meeting(Guid? id = null, DateOnly? date = null, Actor? by = null) =>
        new(id ?? Guid.Parse("a1b2c3d4-0000-4000-8000-000000000001"), date ?? new DateOnly(2026, 3, 10),
            "Biên bản làm việc: ông An trình bày; Sở cung cấp bản đồ địa chính.", by ?? Officer(), At(3, 10, 16));

    [Fact]
    public void An_explanation_on_time_closes_the_request_for_rating()
    {
        var given = Assert.IsType<ExplanationGiven>(Assert.Single(ExplanationDecider.Decide(Explanation(), Accepted()).Events));
        Assert.False(given.Late);

        var state = Explained();
        Assert.Equal(ExplanationStatus.Explained, state.Status);
        Assert.Equal(At(3, 16, 9), state.ExplainedAt);
        Assert.False(state.ExplainedLate);
    }

    [Fact]
    public void An_explanation_after_the_explain_by_day_is_recorded_late_and_after_an_extension_its_day_counts()
    {
        Assert.False(Apply(Accepted(), Explanation(At(3, 19, 23))).ExplainedLate);
        Assert.True(Apply(Accepted(), Explanation(At(3, 20, 0))).ExplainedLate);

        var extended = Apply(Accepted(), new ExtendExplanation(new DateOnly(2026, 3, 30), "Cần xác minh thêm.", Officer(), At(3, 18, 9)));
        Assert.False(Apply(extended, Explanation(At(3, 25, 9))).ExplainedLate);
        Assert.True(Apply(extended, Explanation(At(3, 31, 9))).ExplainedLate);
    }

    [Fact]
    public void The_explanation_and_its_legal_basis_are_required_and_bounded()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Explanation() with { Markdown = " " }, Accepted()), ErrorKind.Invalid, "explanation_text");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(Explanation() with { Markdown = new string('a', ExplanationDecider.MaxMarkdown + 1) }, Accepted()), ErrorKind.Invalid, "explanation_text");
        DecisionAssert.Refused(ExplanationDecider.Decide(Explanation() with { LegalBasis = "" }, Accepted()), ErrorKind.Invalid, "legal_basis_required");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(Explanation() with { LegalBasis = new string('a', ExplanationDecider.MaxLegalBasis + 1) }, Accepted()), ErrorKind.Invalid, "legal_basis_required");
    }

    [Fact]
    public void Only_an_officer_of_the_agency_explains_and_only_an_accepted_request()
    {
        foreach (var who in AcknowledgementTests.Outsiders)
        {
            DecisionAssert.Refused(ExplanationDecider.Decide(Explanation(by: AcknowledgementTests.Outsider(who)), Accepted()), ErrorKind.Forbidden, "agency_officer_required");
        }

        DecisionAssert.Refused(ExplanationDecider.Decide(Explanation(), Filed()), ErrorKind.Conflict, "not_accepted");
    }

    [Fact]
    public void Sending_the_explanation_again_is_a_no_op_and_another_one_is_refused()
    {
        DecisionAssert.NoOp(ExplanationDecider.Decide(Explanation(), Explained()));
        DecisionAssert.Refused(ExplanationDecider.Decide(Explanation() with { Markdown = "Giải trình khác." }, Explained()), ErrorKind.Conflict, "already_explained");
    }

    [Fact]
    public void A_meeting_with_minutes_is_recorded_once_while_the_request_is_accepted()
    {
        var state = Apply(Accepted(), Meeting());
        Assert.Contains(Meeting().MeetingId, state.Meetings);
        DecisionAssert.NoOp(ExplanationDecider.Decide(Meeting(), state));
        DecisionAssert.NoOp(ExplanationDecider.Decide(Meeting(), Apply(state, Explanation())));

        DecisionAssert.Refused(ExplanationDecider.Decide(Meeting(), Filed()), ErrorKind.Conflict, "not_accepted");
        DecisionAssert.Refused(ExplanationDecider.Decide(Meeting(Guid.NewGuid()), Explained()), ErrorKind.Conflict, "already_explained");
        foreach (var who in AcknowledgementTests.Outsiders)
        {
            DecisionAssert.Refused(ExplanationDecider.Decide(Meeting(by: AcknowledgementTests.Outsider(who)), Accepted()), ErrorKind.Forbidden, "agency_officer_required");
        }
    }

    [Fact]
    public void A_meeting_is_held_between_filing_and_today_and_has_minutes()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Meeting(date: new DateOnly(2026, 3, 11)), Accepted()), ErrorKind.Invalid, "meeting_in_future");
        DecisionAssert.Refused(ExplanationDecider.Decide(Meeting(date: new DateOnly(2026, 3, 1)), Accepted()), ErrorKind.Invalid, "meeting_before_filing");
        DecisionAssert.Refused(ExplanationDecider.Decide(Meeting() with { MinutesMarkdown = "" }, Accepted()), ErrorKind.Invalid, "minutes_required");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(Meeting() with { MinutesMarkdown = new string('a', ExplanationDecider.MaxMarkdown + 1) }, Accepted()), ErrorKind.Invalid, "minutes_required");

        var state = Accepted();
        for (var i = 0; i < ExplanationDecider.MaxMeetings; i++)
        {
            state = Apply(state, Meeting(Guid.NewGuid()));
        }

        DecisionAssert.Refused(ExplanationDecider.Decide(Meeting(Guid.NewGuid()), state), ErrorKind.Conflict, "too_many_meetings");
    }
}
