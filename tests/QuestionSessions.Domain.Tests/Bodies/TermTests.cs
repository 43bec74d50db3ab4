using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Domain.Tests.Bodies;

public sealed class TermTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static BodyState Na()
    {
        var decision = BodyDecider.Decide(
            new EstablishBody("na", BodyKind.NationalAssembly, "Quốc hội", "National Assembly", null, "XV", Actors.Admin, Now), BodyDecider.Initial);
        var state = decision.Events.Aggregate(BodyDecider.Initial, BodyDecider.Evolve);
        return BodyDecider.Decide(new ScheduleSession(1, new DateOnly(2026, 4, 6), Actors.Admin, Now), state).Events.Aggregate(state, BodyDecider.Evolve);
    }

    [Fact]
    public void BeginTerm_sets_the_term_and_its_dates_and_starts_sessions_again()
    {
        var began = Assert.IsType<TermBegan>(Assert.Single(
            BodyDecider.Decide(new BeginTerm("XVI", new DateOnly(2026, 4, 6), new DateOnly(2031, 4, 5), Actors.Admin, Now), Na()).Events));

        var state = BodyDecider.Evolve(Na(), began);
        Assert.Equal(("XVI", new DateOnly(2026, 4, 6), new DateOnly(2031, 4, 5)), (state.Term, state.TermStartsOn, state.TermEndsOn));
        Assert.Empty(state.Sessions);
        DecisionAssert.NoOp(BodyDecider.Decide(new BeginTerm("XVI", new DateOnly(2026, 4, 6), new DateOnly(2031, 4, 5), Actors.Admin, Now), state));
    }

    [Fact]
    public void BeginTerm_keeps_the_sessions_when_it_corrects_the_current_terms_dates()
    {
        var state = BodyDecider.Decide(new BeginTerm("XV", new DateOnly(2021, 7, 20), null, Actors.Admin, Now), Na()).Events.Aggregate(Na(), BodyDecider.Evolve);

        Assert.Single(state.Sessions);
    }

    [Fact]
    public void BeginTerm_refuses_a_term_ending_before_it_starts_an_earlier_new_term_and_a_non_administrator()
    {
        var state = BodyDecider.Decide(new BeginTerm("XVI", new DateOnly(2026, 4, 6), null, Actors.Admin, Now), Na()).Events.Aggregate(Na(), BodyDecider.Evolve);

        DecisionAssert.Refused(BodyDecider.Decide(new BeginTerm("XVII", new DateOnly(2031, 4, 6), new DateOnly(2031, 4, 1), Actors.Admin, Now), state),
            ErrorKind.Invalid, "term_invalid");
        DecisionAssert.Refused(BodyDecider.Decide(new BeginTerm("XVII", new DateOnly(2020, 1, 1), null, Actors.Admin, Now), state),
            ErrorKind.Conflict, "term_order");
        DecisionAssert.Refused(BodyDecider.Decide(new BeginTerm("XVII", new DateOnly(2031, 4, 6), null, Actors.Secretariat(), Now), state),
            ErrorKind.Forbidden, "admin_required");
    }

    [Theory]
    [InlineData(BodyKind.NationalAssembly)]
    [InlineData(BodyKind.ProvincialCouncil)]
    [InlineData(BodyKind.CommuneCouncil)]
    public void LegalDefaults_are_a_usable_profile_with_the_limits_of_the_law(BodyKind kind)
    {
        var profile = RulesProfile.LegalDefaults(kind);

        Assert.Null(profile.Problem());
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), 3, 20), (profile.QuestionLimit, profile.AnswerLimit, profile.CallBatchSize, profile.WrittenAnswerDays));
        Assert.Equal(RulesProfile.LawInForce, profile.EffectiveFrom);
    }
}
