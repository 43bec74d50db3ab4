using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class RecommendationTests
{
    private static RecommendationMade Made(SupervisionState state, MakeRecommendation command) =>
        Assert.IsType<RecommendationMade>(Assert.Single(SupervisionDecider.Decide(command, state).Events));

    [Fact]
    public void A_recommendation_carries_everything_its_commitment_needs()
    {
        var made = Made(Reporting(), Recommend());

        var provenance = made.ToProvenance();
        Assert.Null(provenance.Problem());
        Assert.Equal(new Provenance(SourceKind.Recommendation, Body, TopicId: TopicId, RecommendationId: RecommendationId, Term: Term), provenance);
        Assert.Equal(new CommitmentOwner(Health.AgencyId, Health.AgencyName), made.ToOwner());
        Assert.Equal(Health, made.Owner);
        Assert.Equal("Không trạm nào thiếu thuốc trong danh mục", made.ExpectedResult);
        Assert.Equal(new DateOnly(2027, 6, 30), made.Deadline.Date);
        Assert.Equal([FindingId], made.FindingIds);
        Assert.Equal(SupervisionDecider.CommitmentIdOf(TopicId, RecommendationId), made.CommitmentId);
        Assert.Equal(made.CommitmentId, SupervisionDecider.CommitmentIdOf(TopicId, RecommendationId));
        Assert.NotEqual(RecommendationId, made.CommitmentId);
    }

    [Fact]
    public void The_ledger_opens_the_recommendation_as_a_commitment_from_the_event_alone()
    {
        var made = Made(Reporting(), Recommend());
        var make = new MakeCommitment(made.CommitmentId, CommitmentKind.Commitment, made.ToProvenance(), [made.ToOwner()], made.Text,
            made.ExpectedResult, made.Deadline, made.By, Actor.System, made.At);

        var opened = Assert.IsType<CommitmentMade>(Assert.Single(CommitmentDecider.Decide(make, CommitmentDecider.Initial).Events));
        Assert.Equal(SourceKind.Recommendation, opened.Provenance.Kind);
        Assert.Equal(TopicId, opened.Provenance.TopicId);
        Assert.Equal(made.Text, opened.Text);
    }

    [Fact]
    public void A_recommendation_may_answer_no_finding_and_may_be_made_during_fieldwork()
    {
        var state = Apply(InFieldwork(), Recommend(findings: [], at: On(VisitDate.AddDays(2))));
        var recommendation = Assert.Single(state.Recommendations);
        Assert.Empty(recommendation.FindingIds);
        Assert.Equal(SupervisionStage.Fieldwork, state.Stage);
    }

    [Fact]
    public void No_recommendation_before_the_supervision_has_seen_anything_nor_after_the_resolution()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(findings: [], at: Now.AddDays(1)), Decided()), ErrorKind.Conflict, "stage_too_early");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(findings: [], at: Now.AddDays(3)), Planned()), ErrorKind.Conflict, "stage_too_early");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend(Guid.NewGuid(), at: On(new DateOnly(2027, 1, 11))), Resolved()), ErrorKind.Conflict, "stage_passed");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend(Guid.NewGuid(), at: On(new DateOnly(2027, 1, 21))), Closed()), ErrorKind.Conflict, "topic_closed");
    }

    [Fact]
    public void Making_it_again_is_a_no_op_and_another_recommendation_under_the_id_is_refused()
    {
        var state = Apply(Reporting(), Recommend());
        DecisionAssert.NoOp(SupervisionDecider.Decide(Recommend(), state));
        DecisionAssert.NoOp(SupervisionDecider.Decide(Recommend(text: "  Bảo đảm đủ thuốc điều trị bệnh mạn tính tại trạm y tế "), state));
        DecisionAssert.NoOp(SupervisionDecider.Decide(Recommend(at: On(new DateOnly(2027, 1, 11))), Resolved()));
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(text: "Kiến nghị khác"), state), ErrorKind.Conflict, "recommendation_exists");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(owner: Insurance), state), ErrorKind.Conflict, "recommendation_exists");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(findings: []), state), ErrorKind.Conflict, "recommendation_exists");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend(deadline: new CommitmentDeadline(new DateOnly(2027, 9, 30))), state), ErrorKind.Conflict, "recommendation_exists");
    }

    [Fact]
    public void The_owner_is_one_named_agency_which_need_not_be_supervised()
    {
        Assert.Equal(Education, Made(Reporting(), Recommend(owner: Education)).Owner);
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(owner: Health with { AgencyId = " " }), Reporting()), ErrorKind.Invalid, "owner_required");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(owner: Health with { AgencyName = "" }), Reporting()), ErrorKind.Invalid, "owner_required");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(owner: Health with { AgencyBodyId = "" }), Reporting()), ErrorKind.Invalid, "owner_required");
    }

    [Fact]
    public void Bad_recommendations_are_refused()
    {
        var state = Reporting();
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(text: " "), state), ErrorKind.Invalid, "recommendation_text");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend(text: new string('k', SupervisionDecider.MaxRecommendationText + 1)), state), ErrorKind.Invalid, "recommendation_text");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend() with { ExpectedResult = new string('e', SupervisionDecider.MaxRecommendationText + 1) }, state),
            ErrorKind.Invalid, "expected_result");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend(deadline: new CommitmentDeadline(new DateOnly(2026, 12, 26))), state), ErrorKind.Invalid, "deadline_not_future");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Recommend(deadline: new CommitmentDeadline(new DateOnly(2060, 1, 1))), state), ErrorKind.Invalid, "deadline_too_far");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(findings: [FindingId, FindingId]), state), ErrorKind.Invalid, "finding_ids");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(findings: [FindingId, Guid.NewGuid()]), state), ErrorKind.NotFound, "finding_not_found");
        DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(findings: [Guid.Empty]), state), ErrorKind.NotFound, "finding_not_found");
    }

    [Fact]
    public void Only_the_supervising_committee_the_secretariat_or_an_admin_recommends()
    {
        Assert.Null(SupervisionDecider.Decide(Recommend(by: Actors.Secretariat(Body)), Reporting()).Error);
        Assert.Null(SupervisionDecider.Decide(Recommend(by: Actors.Admin), Reporting()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Chair(Body)])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Recommend(by: actor), Reporting()), ErrorKind.Forbidden, "role_required");
        }
    }
}
