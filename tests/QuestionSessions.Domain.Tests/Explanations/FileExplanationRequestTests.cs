using QuestionSessions.Domain.Explanations;
using static QuestionSessions.Domain.Tests.Explanations.ExplanationScript;

namespace QuestionSessions.Domain.Tests.Explanations;

public sealed class FileExplanationRequestTests
{
    private static Decision<ExplanationEvent> Decide(FileExplanationRequest file) => ExplanationDecider.Decide(file, ExplanationDecider.Initial);

    [Fact]
    public void An_online_request_is_received_from_anyone_and_records_no_actor()
    {
        var filed = Assert.IsType<ExplanationRequestFiled>(Assert.Single(Decide(File(by: Actors.Anonymous)).Events));
        Assert.Null(filed.TakenDownBy);
        Assert.Equal(Requester, filed.RequesterId);

        var state = Filed();
        Assert.Equal(ExplanationStatus.Received, state.Status);
        Assert.Equal(Agency, state.Agency);
        Assert.Equal([Agency], state.AgencyHistory);
        Assert.Equal(new DateOnly(2026, 3, 9), state.AcknowledgeBy);
        Assert.Equal(Now, state.ReceivedAt);
        Assert.Equal(Now, state.UpdatedAt);
        Assert.True(state.Publish);
        Assert.Equal("explanation", ExplanationDecider.Category);
    }

    [Fact]
    public void A_request_made_in_person_is_taken_down_by_an_officer_of_that_agency_who_is_recorded()
    {
        var filed = Assert.IsType<ExplanationRequestFiled>(Assert.Single(Decide(File(FilingChannel.InPerson, Officer())).Events));
        Assert.Equal(Officer().Ref, filed.TakenDownBy);
        Assert.Equal(FilingChannel.InPerson, filed.Channel);
    }

    [Fact]
    public void A_request_in_person_taken_down_by_anyone_else_is_refused()
    {
        foreach (var actor in (Actor[])[Actors.Anonymous, Citizen, Officer("ubnd-p-hoan-kiem"), Officer(body: "hdnd-hp"), Actors.Secretariat(Body)])
        {
            DecisionAssert.Refused(Decide(File(FilingChannel.InPerson, actor)), ErrorKind.Forbidden, "agency_officer_required");
        }
    }

    [Fact]
    public void Text_is_trimmed_and_a_blank_decision_reference_is_none()
    {
        var filed = Assert.IsType<ExplanationRequestFiled>(Assert.Single(
            Decide(File(subject: "  Thu hồi đất  ") with { DecisionReference = "  ", Agency = Agency with { AgencyName = " Sở NN&MT " } }).Events));
        Assert.Equal("Thu hồi đất", filed.Subject);
        Assert.Null(filed.DecisionReference);
        Assert.Equal("Sở NN&MT", filed.Agency.AgencyName);
    }

    [Fact]
    public void Filing_again_with_the_same_content_is_a_no_op_and_other_content_under_the_id_is_refused()
    {
        // A retry the next day: the edge counts a new acknowledge-by day, which is not part of the request.
        DecisionAssert.NoOp(ExplanationDecider.Decide(File(now: Now.AddDays(1), acknowledgeBy: new DateOnly(2026, 3, 10)), Filed()));
        DecisionAssert.NoOp(ExplanationDecider.Decide(File(subject: " Giải trình quyết định thu hồi đất tại phường Hoàn Kiếm "), Filed()));
        DecisionAssert.Refused(ExplanationDecider.Decide(File(matter: "Việc khác"), Filed()), ErrorKind.Conflict, "request_exists");
        DecisionAssert.Refused(ExplanationDecider.Decide(File() with { Publish = false }, Filed()), ErrorKind.Conflict, "request_exists");

        // After a redirect the request is compared with what was filed, not with where it is now.
        var redirected = Apply(Filed(), RedirectToWard());
        DecisionAssert.NoOp(ExplanationDecider.Decide(File(), redirected));
    }

    [Fact]
    public void Subject_matter_reference_and_code_are_bounded()
    {
        DecisionAssert.Refused(Decide(File(subject: new string('a', ExplanationDecider.MaxSubject + 1))), ErrorKind.Invalid, "subject");
        DecisionAssert.Refused(Decide(File(subject: " \u200b ")), ErrorKind.Invalid, "subject");
        DecisionAssert.Refused(Decide(File(matter: new string('a', ExplanationDecider.MaxMatter + 1))), ErrorKind.Invalid, "matter");
        DecisionAssert.Refused(Decide(File(matter: "")), ErrorKind.Invalid, "matter");
        DecisionAssert.Refused(
            Decide(File() with { DecisionReference = new string('a', ExplanationDecider.MaxDecisionReference + 1) }), ErrorKind.Invalid, "decision_reference");
        DecisionAssert.Refused(Decide(File() with { Code = "" }), ErrorKind.Invalid, "code_required");
        DecisionAssert.Refused(Decide(File() with { Code = new string('G', ExplanationDecider.MaxCode + 1) }), ErrorKind.Invalid, "code_required");
        Assert.Single(Decide(File(subject: new string('a', ExplanationDecider.MaxSubject), matter: new string('b', ExplanationDecider.MaxMatter))).Events);
    }

    [Fact]
    public void The_agency_the_requester_and_the_kinds_must_be_given()
    {
        DecisionAssert.Refused(Decide(File() with { Agency = Agency with { AgencyId = " " } }), ErrorKind.Invalid, "agency_required");
        DecisionAssert.Refused(Decide(File() with { Agency = Agency with { AgencyBodyId = "" } }), ErrorKind.Invalid, "agency_required");
        DecisionAssert.Refused(Decide(File() with { Agency = null! }), ErrorKind.Invalid, "agency_required");
        DecisionAssert.Refused(Decide(File() with { RequesterId = Guid.Empty }), ErrorKind.Invalid, "requester_required");
        DecisionAssert.Refused(Decide(File() with { Kind = (RequesterKind)7 }), ErrorKind.Invalid, "unknown_value");
        DecisionAssert.Refused(Decide(File() with { Channel = (FilingChannel)7 }), ErrorKind.Invalid, "unknown_value");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 3)]
    [InlineData(5, 2)]
    [InlineData(10, 1)]
    [InlineData(11, 5)]
    [InlineData(100_000, 5)]
    public void Many_people_on_one_matter_sign_through_the_representatives_the_decree_allows(int represented, int representatives)
    {
        var state = Apply(ExplanationDecider.Initial, File(represented: represented, representatives: representatives));
        Assert.Equal(represented, state.Represented);
        Assert.Equal(representatives, state.Representatives);
    }

    [Theory]
    [InlineData(0, 1, "represented")]
    [InlineData(100_001, 5, "represented")]
    [InlineData(1, 2, "representatives")]
    [InlineData(1, 0, "representatives")]
    [InlineData(4, 5, "representatives")]
    [InlineData(5, 3, "representatives")]
    [InlineData(10, 3, "representatives")]
    [InlineData(11, 6, "representatives")]
    public void Too_few_or_too_many_people_or_representatives_are_refused(int represented, int representatives, string code)
    {
        DecisionAssert.Refused(Decide(File(represented: represented, representatives: representatives)), ErrorKind.Invalid, code);
    }

    [Fact]
    public void The_acknowledge_by_day_lies_after_today_and_within_30_days()
    {
        DecisionAssert.Refused(Decide(File(acknowledgeBy: new DateOnly(2026, 3, 2))), ErrorKind.Invalid, "acknowledge_by_not_future");
        DecisionAssert.Refused(Decide(File(acknowledgeBy: new DateOnly(2026, 2, 27))), ErrorKind.Invalid, "acknowledge_by_not_future");
        DecisionAssert.Refused(Decide(File(acknowledgeBy: new DateOnly(2026, 4, 2))), ErrorKind.Invalid, "acknowledge_by_too_far");
        Assert.Single(Decide(File(acknowledgeBy: new DateOnly(2026, 4, 1))).Events);
        Assert.Single(Decide(File(acknowledgeBy: new DateOnly(2026, 3, 3))).Events);

        // 23:30 UTC on 1 March is already 2 March in Hà Nội: the 2nd is today there, not tomorrow.
        DecisionAssert.Refused(
            Decide(File(acknowledgeBy: new DateOnly(2026, 3, 2), now: new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero))),
            ErrorKind.Invalid, "acknowledge_by_not_future");
    }

    [Fact]
    public void Every_other_step_on_a_request_never_filed_is_not_found()
    {
        ExplanationCommand[] commands =
        [
            Accept(), new RefuseRequest(RefusalGround.Other, "Lý do", Officer(), Now), RedirectToWard(),
            new ExtendExplanation(ExplainBy, "Lý do", Officer(), Now), new RecordMeeting(Guid.NewGuid(), new DateOnly(2026, 3, 2), "Biên bản", Officer(), Now),
            Explanation(), new RateExplanation(SatisfactionRating.Satisfied, null, Requester, Citizen, Now),
            new RunExplanationMilestones(Actor.System, Now),
        ];
        foreach (var command in commands)
        {
            DecisionAssert.Refused(ExplanationDecider.Decide(command, ExplanationDecider.Initial), ErrorKind.NotFound, "request_not_found");
        }
    }
}
