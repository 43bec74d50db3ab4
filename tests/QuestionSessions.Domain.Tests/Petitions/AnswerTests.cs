using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class AnswerTests
{
    [Fact]
    public void Being_resolved_is_answered_but_not_resolved()
    {
        var state = Answered(PetitionOutcome.BeingResolved);
        Assert.Equal(PetitionStatus.Answered, state.Status);
        Assert.True(state.IsAnswered);
        Assert.False(state.IsResolved);
        Assert.Equal(1, state.Answers);
        Assert.Equal(PetitionOutcome.BeingResolved, state.LatestOutcome);

        Assert.False(Answered(PetitionOutcome.Explained).IsResolved);
        Assert.True(Answered(PetitionOutcome.Resolved).IsResolved);
    }

    [Fact]
    public void The_agency_answers_again_until_resolved_and_then_no_more()
    {
        var first = Answered(PetitionOutcome.BeingResolved);
        var resolved = Apply(first, AnswerWith(PetitionOutcome.Resolved, Now.AddDays(50)));
        Assert.True(resolved.IsResolved);
        Assert.Equal(2, resolved.Answers);
        Assert.Equal(first.FirstAnsweredAt, resolved.FirstAnsweredAt);

        DecisionAssert.Refused(Decide(AnswerWith(PetitionOutcome.Explained, Now.AddDays(55)), resolved), ErrorKind.Conflict, "petition_resolved");
    }

    [Fact]
    public void A_repeated_answer_id_is_one_answer_even_after_resolution()
    {
        var answer = AnswerWith(PetitionOutcome.Resolved, Now.AddDays(10));
        var resolved = Apply(Routed(), answer);
        DecisionAssert.NoOp(Decide(answer, resolved));
        Assert.Equal(1, resolved.Answers);
    }

    [Fact]
    public void An_answer_needs_a_routing()
    {
        DecisionAssert.Refused(Decide(AnswerWith(PetitionOutcome.Resolved, Now.AddDays(1)), Filed()), ErrorKind.Conflict, "not_routed");
        DecisionAssert.Refused(Decide(AnswerWith(PetitionOutcome.Resolved, Now.AddDays(1)), PetitionDecider.Initial), ErrorKind.NotFound, "petition_not_found");
    }

    [Fact]
    public void Only_an_officer_of_the_routed_agency_in_its_body_answers()
    {
        foreach (var actor in (Actor[])[
            Voter, Actors.Anonymous, Actors.Admin, Actors.Secretariat(), Supervisor(), Actors.Deputy("na-d-001"),
            Officer("na-a-construction"), // another agency
            Officer(Agency, "pc-hue"), // the right agency id, granted in another body
            new("u-resp", "Bộ trưởng", [new Grant(Role.Respondent, Actors.NationalAssembly, Agency)]),
            new("u-any", "Cán bộ", [new Grant(Role.AgencyOfficer, Grant.AnyBody, Agency)])])
        {
            DecisionAssert.Refused(Decide(AnswerWith(PetitionOutcome.Explained, Now.AddDays(3), by: actor), Routed()), ErrorKind.Forbidden, "agency_officer_required");
        }
    }

    [Fact]
    public void An_answer_after_the_deadline_day_is_late_and_the_first_answer_decides_the_flag()
    {
        // Deadline 30 January 2027: 23:59 that day in Hanoi is on time, 00:00 on 31 January is late.
        var onTime = Apply(Routed(), AnswerWith(PetitionOutcome.BeingResolved, new DateTimeOffset(2027, 1, 30, 23, 59, 0, TimeSpan.FromHours(7))));
        Assert.False(onTime.AnsweredLate);

        var lateAt = new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.FromHours(7));
        var late = Assert.IsType<PetitionAnswered>(Assert.Single(Decide(AnswerWith(PetitionOutcome.BeingResolved, lateAt), Routed()).Events));
        Assert.True(late.Late);
        var lateState = Apply(Routed(), AnswerWith(PetitionOutcome.BeingResolved, lateAt));
        Assert.True(lateState.AnsweredLate);

        // A second answer after the deadline does not make an on-time first answer late, nor the reverse.
        Assert.False(Apply(onTime, AnswerWith(PetitionOutcome.Resolved, lateAt.AddDays(10))).AnsweredLate);
        Assert.True(Apply(lateState, AnswerWith(PetitionOutcome.Resolved, lateAt.AddDays(10))).AnsweredLate);
    }

    [Fact]
    public void Bad_answers_are_refused()
    {
        var answer = AnswerWith(PetitionOutcome.Resolved, Now.AddDays(3));
        DecisionAssert.Refused(Decide(answer with { Markdown = "\u200b" }, Routed()), ErrorKind.Invalid, "answer_text");
        DecisionAssert.Refused(Decide(answer with { Markdown = new string('a', PetitionDecider.MaxAnswer + 1) }, Routed()), ErrorKind.Invalid, "answer_text");
        DecisionAssert.Refused(Decide(answer with { AnswerId = Guid.Empty }, Routed()), ErrorKind.Invalid, "answer_id");
        DecisionAssert.Refused(Decide(answer with { Outcome = (PetitionOutcome)9 }, Routed()), ErrorKind.Invalid, "answer_outcome");
        Assert.Null(Decide(answer with { Markdown = new string('a', PetitionDecider.MaxAnswer) }, Routed()).Error);
    }
}
