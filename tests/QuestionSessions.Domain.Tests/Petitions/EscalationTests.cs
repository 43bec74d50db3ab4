using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class EscalationTests
{
    private static readonly Guid TopicId = Guid.Parse("0b8f4a52-6c1e-4d7a-9f3e-1a2b3c4d5e50");

    /// <summary>The first instant of 31 January 2027 in Hanoi: the day after the deadline.</summary>
    private static readonly DateTimeOffset AfterDeadline = new(2027, 1, 31, 0, 0, 0, TimeSpan.FromHours(7));

    private static EscalatePetition Escalate(DateTimeOffset? at = null, Actor? by = null, Guid? target = null, EscalationTarget kind = EscalationTarget.SupervisionTopic) =>
        new(kind, target ?? TopicId, "Cử tri nhiều lần phản ánh, trả lời chưa thỏa đáng", by ?? Supervisor(), at ?? Now.AddDays(35));

    private static PetitionState RatedAnswer(params SatisfactionRating[] ratings) =>
        ratings.Select((r, i) => new RatePetition($"acc-{i}", r, null, Voter, Now.AddDays(30)))
            .Aggregate(Answered(), Apply);

    [Fact]
    public void An_unsatisfied_answer_is_escalated_to_a_supervision_topic_or_a_question()
    {
        var state = Apply(RatedAnswer(SatisfactionRating.Unsatisfied), Escalate());
        Assert.Equal((EscalationTarget.SupervisionTopic, TopicId), Assert.Single(state.Escalations));
        var question = Guid.NewGuid();
        state = Apply(state, Escalate(target: question, kind: EscalationTarget.Question, by: Actors.Secretariat()));
        Assert.Equal(2, state.Escalations.Count);
    }

    [Fact]
    public void The_same_target_again_is_a_no_op()
    {
        var escalated = Apply(RatedAnswer(SatisfactionRating.Unsatisfied), Escalate());
        DecisionAssert.NoOp(Decide(Escalate(), escalated));
    }

    [Theory]
    [InlineData(new[] { SatisfactionRating.Unsatisfied }, true)]
    [InlineData(new[] { SatisfactionRating.Unsatisfied, SatisfactionRating.Satisfied }, true)]
    [InlineData(new[] { SatisfactionRating.Unsatisfied, SatisfactionRating.PartlySatisfied, SatisfactionRating.PartlySatisfied }, true)]
    [InlineData(new[] { SatisfactionRating.Unsatisfied, SatisfactionRating.Satisfied, SatisfactionRating.Satisfied }, false)]
    [InlineData(new[] { SatisfactionRating.PartlySatisfied }, false)]
    [InlineData(new[] { SatisfactionRating.Satisfied }, false)]
    [InlineData(new SatisfactionRating[0], false)]
    public void Voters_are_unsatisfied_with_an_unsatisfied_rating_and_no_more_satisfied_than_unsatisfied(SatisfactionRating[] ratings, bool escalable)
    {
        var decision = Decide(Escalate(), RatedAnswer(ratings));
        if (escalable)
        {
            Assert.Null(decision.Error);
        }
        else
        {
            DecisionAssert.Refused(decision, ErrorKind.Conflict, "not_escalable");
        }
    }

    [Fact]
    public void A_petition_overdue_without_any_answer_is_escalated_from_the_day_after_the_deadline()
    {
        DecisionAssert.Refused(Decide(Escalate(AfterDeadline.AddTicks(-1)), Routed()), ErrorKind.Conflict, "not_escalable");
        Assert.Null(Decide(Escalate(AfterDeadline), Routed()).Error);

        // A late answer, even one saying "being resolved", stops the overdue reason; voters' ratings decide then.
        var lateAnswer = Apply(Routed(), AnswerWith(PetitionOutcome.BeingResolved, AfterDeadline.AddDays(1)));
        DecisionAssert.Refused(Decide(Escalate(AfterDeadline.AddDays(2)), lateAnswer), ErrorKind.Conflict, "not_escalable");
        DecisionAssert.Refused(Decide(Escalate(), Filed()), ErrorKind.Conflict, "not_escalable");
    }

    [Fact]
    public void Only_the_classifying_staff_of_the_body_escalate()
    {
        var unsatisfied = RatedAnswer(SatisfactionRating.Unsatisfied);
        Assert.Null(Decide(Escalate(by: Actors.Admin), unsatisfied).Error);
        foreach (var actor in (Actor[])[Voter, Actors.Anonymous, Actors.Deputy("na-d-001"), Officer(), Supervisor("pc-hue")])
        {
            DecisionAssert.Refused(Decide(Escalate(by: actor), unsatisfied), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void Bad_escalations_are_refused()
    {
        var unsatisfied = RatedAnswer(SatisfactionRating.Unsatisfied);
        DecisionAssert.Refused(Decide(Escalate(target: Guid.Empty), unsatisfied), ErrorKind.Invalid, "escalation_target");
        DecisionAssert.Refused(Decide(Escalate(kind: (EscalationTarget)3), unsatisfied), ErrorKind.Invalid, "escalation_target");
        DecisionAssert.Refused(Decide(Escalate() with { Reason = "" }, unsatisfied), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(Decide(Escalate() with { Reason = new string('r', PetitionDecider.MaxReason + 1) }, unsatisfied), ErrorKind.Invalid, "reason_required");
    }
}
