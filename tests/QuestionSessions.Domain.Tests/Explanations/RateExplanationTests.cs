using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class RateExplanationTests
{
    private static RateExplanation Rate(SatisfactionRating rating = SatisfactionRating.PartlySatisfied, string? comment = "Đã rõ căn cứ, chưa rõ giá bồi thường.", Guid? requester = null) =>
        new(rating, comment, requester ?? Requester, Actors.Anonymous, At(3, 17, 20));

    [Fact]
    public void The_requester_rates_the_explanation_and_no_actor_is_recorded()
    {
        var rated = Assert.IsType<ExplanationRated>(Assert.Single(ExplanationDecider.Decide(Rate(), Explained()).Events));
        Assert.Null(rated.Previous);

        var state = Apply(Explained(), Rate());
        Assert.Equal(SatisfactionRating.PartlySatisfied, state.Rating);
        Assert.Equal("Đã rõ căn cứ, chưa rõ giá bồi thường.", state.RatingComment);
    }

    [Fact]
    public void A_second_rating_replaces_the_first_and_the_same_rating_again_is_a_no_op()
    {
        var first = Apply(Explained(), Rate());
        DecisionAssert.NoOp(ExplanationDecider.Decide(Rate(), first));

        var second = ExplanationDecider.Decide(Rate(SatisfactionRating.Unsatisfied, "  "), first);
        var rated = Assert.IsType<ExplanationRated>(Assert.Single(second.Events));
        Assert.Equal(SatisfactionRating.PartlySatisfied, rated.Previous);
        Assert.Null(rated.Comment);
        Assert.Equal(SatisfactionRating.Unsatisfied, Apply(first, Rate(SatisfactionRating.Unsatisfied, null)).Rating);
    }

    [Fact]
    public void Nobody_but_the_requester_rates()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Rate(requester: Guid.NewGuid()), Explained()), ErrorKind.Forbidden, "requester_only");
        DecisionAssert.Refused(ExplanationDecider.Decide(Rate(requester: Guid.Empty), Explained()), ErrorKind.Forbidden, "requester_only");
    }

    [Fact]
    public void Only_a_given_explanation_is_rated_and_the_comment_is_bounded()
    {
        DecisionAssert.Refused(ExplanationDecider.Decide(Rate(), Accepted()), ErrorKind.Conflict, "not_explained");
        DecisionAssert.Refused(ExplanationDecider.Decide(Rate(), Filed()), ErrorKind.Conflict, "not_explained");
        DecisionAssert.Refused(
            ExplanationDecider.Decide(Rate(comment: new string('a', ExplanationDecider.MaxComment + 1)), Explained()), ErrorKind.Invalid, "comment_too_long");
        DecisionAssert.Refused(ExplanationDecider.Decide(Rate((SatisfactionRating)9), Explained()), ErrorKind.Invalid, "unknown_value");
    }
}
