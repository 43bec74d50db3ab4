using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class RatingTests
{
    private static RatePetition Rate(string rater, SatisfactionRating rating, string? comment = null, Actor? by = null) =>
        new(rater, rating, comment, by ?? Voter, Now.AddDays(30));

    [Fact]
    public void Voters_rate_the_answer_and_the_state_keeps_a_tally_by_rater()
    {
        var state = Apply(Answered(), Rate("acc-1", SatisfactionRating.Satisfied));
        state = Apply(state, Rate("acc-2", SatisfactionRating.Unsatisfied, "Chưa thấy thay đổi"));
        state = Apply(state, Rate($"filer:{SourceId}", SatisfactionRating.PartlySatisfied, by: Actors.Anonymous));
        Assert.Equal(3, state.Ratings.Count);
        Assert.Equal(1, state.Count(SatisfactionRating.Satisfied));
        Assert.Equal(1, state.Count(SatisfactionRating.Unsatisfied));
        Assert.Equal(1, state.Count(SatisfactionRating.PartlySatisfied));
    }

    [Fact]
    public void A_new_rating_replaces_the_raters_own_and_the_same_one_again_is_a_no_op()
    {
        var first = Apply(Answered(), Rate("acc-1", SatisfactionRating.Satisfied));
        DecisionAssert.NoOp(Decide(Rate("acc-1", SatisfactionRating.Satisfied), first));

        var change = Assert.IsType<PetitionRated>(Assert.Single(Decide(Rate("acc-1", SatisfactionRating.Unsatisfied, "  Trả lời chung chung  "), first).Events));
        Assert.Equal(SatisfactionRating.Satisfied, change.Previous);
        Assert.Equal("Trả lời chung chung", change.Comment);
        Assert.Equal(first.LatestAnswerId, change.AnswerId);

        var changed = Apply(first, Rate("acc-1", SatisfactionRating.Unsatisfied));
        Assert.Equal(SatisfactionRating.Unsatisfied, Assert.Single(changed.Ratings).Value);
        Assert.Equal(0, changed.Count(SatisfactionRating.Satisfied));
    }

    [Fact]
    public void A_rating_names_no_voter_in_the_event()
    {
        var rated = Assert.IsType<PetitionRated>(Assert.Single(Decide(Rate("acc-1", SatisfactionRating.Satisfied), Answered()).Events));
        Assert.DoesNotContain("Nguyễn", rated.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_answer_opens_a_new_tally()
    {
        var rated = Apply(Answered(), Rate("acc-1", SatisfactionRating.Unsatisfied));
        var reanswered = Apply(rated, AnswerWith(PetitionOutcome.Resolved, Now.AddDays(45)));
        Assert.Empty(reanswered.Ratings);
        var again = Assert.IsType<PetitionRated>(Assert.Single(Decide(Rate("acc-1", SatisfactionRating.Unsatisfied), reanswered).Events));
        Assert.Null(again.Previous);
        Assert.Equal(reanswered.LatestAnswerId, again.AnswerId);
    }

    [Fact]
    public void Only_an_answer_is_rated()
    {
        DecisionAssert.Refused(Decide(Rate("acc-1", SatisfactionRating.Satisfied), Routed()), ErrorKind.Conflict, "not_answered");
        DecisionAssert.Refused(Decide(Rate("acc-1", SatisfactionRating.Satisfied), Filed()), ErrorKind.Conflict, "not_answered");
        DecisionAssert.Refused(Decide(Rate("acc-1", SatisfactionRating.Satisfied), PetitionDecider.Initial), ErrorKind.NotFound, "petition_not_found");
    }

    [Fact]
    public void The_answering_agency_does_not_rate_its_own_answer()
    {
        DecisionAssert.Refused(Decide(Rate("acc-officer", SatisfactionRating.Satisfied, by: Officer()), Answered()), ErrorKind.Forbidden, "rater_is_agency");
        Assert.Null(Decide(Rate("acc-officer", SatisfactionRating.Satisfied, by: Officer("na-a-construction")), Answered()).Error);
    }

    [Fact]
    public void A_filer_key_names_a_source_of_the_petition()
    {
        DecisionAssert.Refused(Decide(Rate($"filer:{Guid.NewGuid()}", SatisfactionRating.Satisfied), Answered()), ErrorKind.NotFound, "filer_unknown");
        DecisionAssert.Refused(Decide(Rate("filer:not-a-guid", SatisfactionRating.Satisfied), Answered()), ErrorKind.Invalid, "rater_key");
        DecisionAssert.Refused(Decide(Rate($"filer:{Guid.Empty}", SatisfactionRating.Satisfied), Answered()), ErrorKind.Invalid, "rater_key");
    }

    [Fact]
    public void Bad_ratings_are_refused()
    {
        DecisionAssert.Refused(Decide(Rate(" ", SatisfactionRating.Satisfied), Answered()), ErrorKind.Invalid, "rater_key");
        DecisionAssert.Refused(Decide(Rate(new string('k', PetitionDecider.MaxRaterKey + 1), SatisfactionRating.Satisfied), Answered()), ErrorKind.Invalid, "rater_key");
        DecisionAssert.Refused(Decide(Rate("acc-1", (SatisfactionRating)4), Answered()), ErrorKind.Invalid, "rating");
        DecisionAssert.Refused(Decide(Rate("acc-1", SatisfactionRating.Unsatisfied, new string('c', PetitionDecider.MaxComment + 1)), Answered()), ErrorKind.Invalid, "comment_too_long");
        Assert.Null(Decide(Rate("acc-1", SatisfactionRating.Unsatisfied, new string('c', PetitionDecider.MaxComment)), Answered()).Error);
    }
}
