using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class ResolutionTests
{
    private static readonly DateTimeOffset After = On(new DateOnly(2027, 2, 1));

    private static RecordFollowUp FollowUp(Guid? id = null, Actor? by = null) =>
        new(id ?? Guid.Parse("0b9d6f55-7c1e-4f0a-9a61-2d4b3c5e7f05"), "UBND thành phố đã cấp bổ sung 8 tỷ đồng mua thuốc.", by ?? Supervisor(), After);

    private static CloseTopic Close(Actor? by = null) => new("Đã giám sát xong, kiến nghị được theo dõi trong sổ cam kết.", by ?? Actors.Chair(Body), After.AddDays(1));

    [Fact]
    public void The_body_adopts_its_resolution_on_the_findings()
    {
        var state = Resolved();
        Assert.Equal(SupervisionStage.Resolved, state.Stage);
        Assert.Equal(new SupervisionResolution("Nghị quyết số 45/NQ-HĐND", "HĐND thành phố yêu cầu UBND chỉ đạo…", new DateOnly(2027, 1, 10)), state.Resolution);
        DecisionAssert.NoOp(SupervisionDecider.Decide(Resolution(), state));
        DecisionAssert.Refused(SupervisionDecider.Decide(Resolution(reference: "Nghị quyết số 46/NQ-HĐND"), state), ErrorKind.Conflict, "already_resolved");
    }

    [Fact]
    public void A_resolution_needs_at_least_one_finding()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Resolution(), Decided()), ErrorKind.Conflict, "no_findings");
        DecisionAssert.Refused(SupervisionDecider.Decide(Resolution(), InFieldwork()), ErrorKind.Conflict, "no_findings");
    }

    [Fact]
    public void Bad_resolutions_are_refused()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Resolution(reference: " "), Reporting()), ErrorKind.Invalid, "resolution_reference");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Resolution(reference: new string('n', SupervisionDecider.MaxReference + 1)), Reporting()), ErrorKind.Invalid, "resolution_reference");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Resolution() with { Markdown = new string('m', SupervisionDecider.MaxResolution + 1) }, Reporting()), ErrorKind.Invalid, "resolution_text");
        DecisionAssert.Refused(SupervisionDecider.Decide(Resolution(at: On(new DateOnly(2027, 1, 9))), Reporting()), ErrorKind.Invalid, "adopted_in_future");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Resolution() with { AdoptedOn = Today.AddDays(-1) }, Reporting()), ErrorKind.Conflict, "adopted_before_decision");
        Assert.Null(Apply(Reporting(), Resolution() with { Markdown = null }).Resolution!.Markdown);
    }

    [Fact]
    public void Only_the_secretariat_the_chair_or_an_admin_records_the_resolution()
    {
        Assert.Null(SupervisionDecider.Decide(Resolution(by: Actors.Chair(Body)), Reporting()).Error);
        Assert.Null(SupervisionDecider.Decide(Resolution(by: Actors.Admin), Reporting()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor(), Actors.Secretariat("pc-hue")])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Resolution(by: actor), Reporting()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void Follow_up_notes_come_after_the_resolution_and_each_is_recorded_once()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(FollowUp(), Reporting()), ErrorKind.Conflict, "stage_too_early");
        var state = Apply(Resolved(), FollowUp());
        Assert.Equal(SupervisionStage.FollowUp, state.Stage);
        Assert.Equal(1, state.FollowUps);
        DecisionAssert.NoOp(SupervisionDecider.Decide(FollowUp(), state));
        Assert.Equal(2, Apply(state, FollowUp(Guid.NewGuid())).FollowUps);
        DecisionAssert.Refused(SupervisionDecider.Decide(FollowUp() with { Markdown = "" }, Resolved()), ErrorKind.Invalid, "follow_up_text");
    }

    [Fact]
    public void Only_the_supervising_committee_the_secretariat_or_an_admin_follows_up()
    {
        Assert.Null(SupervisionDecider.Decide(FollowUp(by: Actors.Secretariat(Body)), Resolved()).Error);
        Assert.Null(SupervisionDecider.Decide(FollowUp(by: Actors.Admin), Resolved()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Chair(Body)])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(FollowUp(by: actor), Resolved()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void The_topic_closes_after_the_resolution_or_its_follow_up_and_then_nothing_more_happens()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Close(), Reporting()), ErrorKind.Conflict, "stage_too_early");
        DecisionAssert.Refused(SupervisionDecider.Decide(Close() with { Summary = " " }, Resolved()), ErrorKind.Invalid, "close_summary");

        var closed = Apply(Apply(Resolved(), FollowUp()), Close());
        Assert.True(closed.IsClosed);
        Assert.Equal(After.AddDays(1), closed.ClosedAt);
        DecisionAssert.NoOp(SupervisionDecider.Decide(Close(), closed));
        DecisionAssert.Refused(SupervisionDecider.Decide(FollowUp(Guid.NewGuid()), closed), ErrorKind.Conflict, "topic_closed");
        DecisionAssert.NoOp(SupervisionDecider.Decide(FollowUp(), closed));
        Assert.True(Closed().IsClosed);
    }

    [Fact]
    public void Only_the_secretariat_the_chair_or_an_admin_closes()
    {
        Assert.Null(SupervisionDecider.Decide(Close(Actors.Secretariat(Body)), Resolved()).Error);
        Assert.Null(SupervisionDecider.Decide(Close(Actors.Admin), Resolved()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor(), Actors.Chair("pc-hue")])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Close(actor), Resolved()), ErrorKind.Forbidden, "role_required");
        }
    }
}
