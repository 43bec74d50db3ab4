using QuestionSessions.Domain.Commitments;
using static QuestionSessions.Domain.Tests.Commitments.CommitmentScript;

namespace QuestionSessions.Domain.Tests.Commitments;

public sealed class CommitmentDeciderTests
{
    [Fact]
    public void A_commitment_with_one_owner_and_a_future_deadline_is_made_with_its_provenance()
    {
        var made = Assert.IsType<CommitmentMade>(Assert.Single(CommitmentDecider.Decide(Make(), CommitmentDecider.Initial).Events));

        Assert.Equal(FromAnswer, made.Provenance);
        Assert.Equal(Owner, made.Owner);
        Assert.Equal(Deadline, made.Deadline.Date);
        var state = Made();
        Assert.Equal(CommitmentStatus.InProgress, state.Status);
        Assert.Equal(Deadline, state.OriginalDeadline);
    }

    [Fact]
    public void No_owner_two_owners_or_no_deadline_are_refused()
    {
        DecisionAssert.Refused(CommitmentDecider.Decide(Make(owners: []), CommitmentDecider.Initial), ErrorKind.Invalid, "owner_required");
        DecisionAssert.Refused(
            CommitmentDecider.Decide(Make(owners: [Owner, new CommitmentOwner("bo-tai-chinh", "Bộ Tài chính")]), CommitmentDecider.Initial),
            ErrorKind.Invalid, "one_owner");
        var noDeadline = Make() with { Deadline = null };
        DecisionAssert.Refused(CommitmentDecider.Decide(noDeadline, CommitmentDecider.Initial), ErrorKind.Invalid, "deadline_required");
        DecisionAssert.Refused(
            CommitmentDecider.Decide(Make(deadline: new CommitmentDeadline(new DateOnly(2026, 12, 1))), CommitmentDecider.Initial),
            ErrorKind.Invalid, "deadline_not_future");
        DecisionAssert.Refused(CommitmentDecider.Decide(Make(text: "\u200b\u200c \0"), CommitmentDecider.Initial), ErrorKind.Invalid, "commitment_text");

        // The end of the calendar (and anything past twenty years) is refused, not stored to break the reminder's arithmetic.
        foreach (var far in (DateOnly[])[DateOnly.MaxValue, new DateOnly(2080, 1, 1)])
        {
            DecisionAssert.Refused(CommitmentDecider.Decide(Make(deadline: new CommitmentDeadline(far)), CommitmentDecider.Initial), ErrorKind.Invalid, "deadline_too_far");
        }
    }

    [Fact]
    public void Milestones_near_the_end_of_the_calendar_do_not_overflow()
    {
        Assert.Equal(DateTimeOffset.MaxValue, CommitmentMilestones.OverdueAt(DateOnly.MaxValue));
        Assert.Equal(DateTimeOffset.MaxValue, CommitmentMilestones.StartOf(DateOnly.MaxValue));
        var state = CommitmentDecider.Evolve(CommitmentState.Empty, new CommitmentMade(
            Guid.NewGuid(), CommitmentKind.Commitment, new Provenance(SourceKind.Answer, "na", Guid.NewGuid(), null, Guid.NewGuid()),
            new CommitmentOwner("bo-y-te", "Bộ Y tế"), "Cam kết", null, new CommitmentDeadline(DateOnly.MaxValue), new ActorRef("s", "S"),
            new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero)));
        Assert.Empty(CommitmentMilestones.Due(state, new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero)));
        Assert.NotNull(CommitmentMilestones.Next(state, new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Only_the_secretariat_of_the_source_body_records_a_commitment()
    {
        DecisionAssert.Refused(CommitmentDecider.Decide(Make(by: Actors.Deputy("na-d-001")), CommitmentDecider.Initial), ErrorKind.Forbidden, "role_required");
        DecisionAssert.Refused(CommitmentDecider.Decide(Make(by: Actors.Secretariat("hn")), CommitmentDecider.Initial), ErrorKind.Forbidden, "role_required");
        DecisionAssert.Refused(
            CommitmentDecider.Decide(Make(provenance: FromAnswer with { QuestionId = null }), CommitmentDecider.Initial),
            ErrorKind.Invalid, "provenance_incomplete");
    }

    [Fact]
    public void Making_it_again_is_a_no_op_and_another_commitment_under_the_id_is_refused()
    {
        DecisionAssert.NoOp(CommitmentDecider.Decide(Make(), Made()));
        DecisionAssert.Refused(CommitmentDecider.Decide(Make(text: "Khác"), Made()), ErrorKind.Conflict, "commitment_exists");
    }

    [Fact]
    public void Only_the_owner_agencys_officers_report_progress_and_a_repeated_report_is_one()
    {
        var report = new ReportProgress(Guid.NewGuid(), "Đã **phân bổ** ngân sách.", ["https://moh.gov.vn/a"], 40, Officer(), Now.AddDays(3));
        DecisionAssert.Refused(CommitmentDecider.Decide(report with { Actor = Officer("bo-tai-chinh") }, Made()), ErrorKind.Forbidden, "owner_officer_required");
        DecisionAssert.Refused(CommitmentDecider.Decide(report with { Actor = Officer(body: "hn") }, Made()), ErrorKind.Forbidden, "owner_officer_required");
        DecisionAssert.Refused(CommitmentDecider.Decide(report with { Actor = Actors.Admin }, Made()), ErrorKind.Forbidden, "owner_officer_required");

        var reported = Apply(Made(), report);
        Assert.Equal(40, reported.Percent);
        DecisionAssert.NoOp(CommitmentDecider.Decide(report, reported));
    }

    [Fact]
    public void Bad_reports_are_refused()
    {
        var report = new ReportProgress(Guid.NewGuid(), "Tiến độ", [], 10, Officer(), Now);
        DecisionAssert.Refused(CommitmentDecider.Decide(report with { Percent = 101 }, Made()), ErrorKind.Invalid, "percent");
        DecisionAssert.Refused(CommitmentDecider.Decide(report with { Evidence = ["javascript:alert(1)"] }, Made()), ErrorKind.Invalid, "evidence_links");
        DecisionAssert.Refused(CommitmentDecider.Decide(report with { Markdown = " \u200b " }, Made()), ErrorKind.Invalid, "report_text");
    }

    [Fact]
    public void The_questioner_or_the_supervising_committee_verifies_a_claim_and_nobody_else()
    {
        var verify = new AssessFulfilment(Assessment.Verified, "Đã kiểm tra tại 3 bệnh viện.", Actors.Deputy("na-d-001"), Now.AddDays(40));
        DecisionAssert.Refused(CommitmentDecider.Decide(verify with { Actor = Actors.Deputy("na-d-002") }, Claimed()), ErrorKind.Forbidden, "assessor_required");
        DecisionAssert.Refused(CommitmentDecider.Decide(verify with { Actor = Officer() }, Claimed()), ErrorKind.Forbidden, "assessor_required");
        DecisionAssert.Refused(CommitmentDecider.Decide(verify, Made()), ErrorKind.Conflict, "nothing_to_assess");

        var verified = Apply(Claimed(), verify);
        Assert.Equal(CommitmentStatus.Verified, verified.Status);
        Assert.True(verified.IsClosed);
        Assert.Equal(CommitmentStatus.Disputed, Apply(Claimed(), verify with { Assessment = Assessment.Disputed, Actor = Supervisor() }).Status);
        DecisionAssert.Refused(
            CommitmentDecider.Decide(new ReportProgress(Guid.NewGuid(), "Thêm", [], null, Officer(), Now.AddDays(41)), verified),
            ErrorKind.Conflict, "commitment_closed");
    }

    [Fact]
    public void Amending_the_deadline_keeps_the_original_and_needs_a_reason_and_the_body()
    {
        var amend = new AmendDeadline(new CommitmentDeadline(new DateOnly(2027, 6, 30), "trước kỳ họp thứ 2"), "Chờ Nghị định sửa đổi", Supervisor(), Now.AddDays(5));
        DecisionAssert.Refused(CommitmentDecider.Decide(amend with { Actor = Officer() }, Made()), ErrorKind.Forbidden, "role_required");
        DecisionAssert.Refused(CommitmentDecider.Decide(amend with { Reason = "" }, Made()), ErrorKind.Invalid, "reason_required");

        var amended = Apply(Made(), amend);
        Assert.Equal(new DateOnly(2027, 6, 30), amended.Deadline!.Date);
        Assert.Equal(Deadline, amended.OriginalDeadline);
        Assert.Equal(1, amended.Amendments);
    }
}
