using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class SupplementTests
{
    /// <summary>Asked on 5 December, due on 10 December: overdue from 00:00 on 11 December in Hanoi.</summary>
    private static readonly DateOnly AskedOn = new(2026, 12, 5);

    private static readonly DateOnly DueBy = AskedOn.AddDays(SupervisionDecider.SupplementDays);

    private static readonly DateTimeOffset Overdue = new(DueBy.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));

    private static RequestSupplement Ask(SupervisedAgency? agency = null, DateOnly? dueBy = null, Actor? by = null, string what = "Bổ sung số liệu thuốc tồn kho năm 2026.") =>
        new((agency ?? Health).AgencyId, what, dueBy ?? DueBy, by ?? Supervisor(), On(AskedOn));

    private static SupervisionState Asked() => Apply(Planned(), Ask());

    private static SupervisionState Tick(SupervisionState state, DateTimeOffset at) => Apply(state, new RunSupervisionMilestones(Actor.System, at));

    [Fact]
    public void An_agency_is_asked_to_supplement_its_report_within_five_days()
    {
        var request = Assert.Single(Asked().SupplementRequests);
        Assert.Equal((Health.AgencyId, DueBy, (DateOnly?)null, false), (request.AgencyId, request.DueBy, request.FulfilledOn, request.Overdue));
        DecisionAssert.NoOp(SupervisionDecider.Decide(Ask(), Asked()));
        Assert.Equal(2, Apply(Asked(), Ask(what: "Bổ sung danh sách trạm thiếu thuốc.")).SupplementRequests.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void The_due_day_lies_after_today_and_within_five_days(int days)
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Ask(dueBy: AskedOn.AddDays(days)), Planned()), ErrorKind.Invalid, "supplement_due_by");
    }

    [Fact]
    public void Bad_requests_are_refused()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Ask(what: " "), Planned()), ErrorKind.Invalid, "supplement_what");
        DecisionAssert.Refused(SupervisionDecider.Decide(Ask(agency: Education), Planned()), ErrorKind.NotFound, "agency_not_supervised");
        DecisionAssert.Refused(SupervisionDecider.Decide(Ask(), Decided()), ErrorKind.Conflict, "stage_too_early");
        DecisionAssert.Refused(SupervisionDecider.Decide(Ask() with { Now = On(new DateOnly(2027, 1, 11)), DueBy = new DateOnly(2027, 1, 14) }, Resolved()), ErrorKind.Conflict, "stage_passed");
    }

    [Fact]
    public void Only_the_supervising_committee_the_secretariat_or_an_admin_asks()
    {
        Assert.Null(SupervisionDecider.Decide(Ask(by: Actors.Secretariat(Body)), Planned()).Error);
        Assert.Null(SupervisionDecider.Decide(Ask(by: Actors.Admin), Planned()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Chair("na")])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Ask(by: actor), Planned()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void A_report_from_the_agency_after_the_request_supplements_it_and_nothing_falls_due()
    {
        var supplemented = Apply(Asked(), Report(at: On(DueBy)));
        Assert.Equal(DueBy, Assert.Single(supplemented.SupplementRequests).FulfilledOn);
        Assert.Empty(SupervisionMilestones.Due(supplemented, Overdue.AddDays(30)));

        // A report from another agency supplements nothing.
        var other = Apply(Asked(), Report(agency: Insurance, by: Officer(Insurance.AgencyId), at: On(DueBy)));
        Assert.Null(Assert.Single(other.SupplementRequests).FulfilledOn);
    }

    [Fact]
    public void No_report_by_the_due_day_is_overdue_once_from_the_start_of_the_next_day()
    {
        var asked = Asked();
        Assert.Equal(Overdue, SupervisionMilestones.Next(asked, On(AskedOn)));
        Assert.Empty(SupervisionMilestones.Due(asked, Overdue.AddTicks(-1)));

        var overdue = Tick(asked, Overdue);
        Assert.True(Assert.Single(overdue.SupplementRequests).Overdue);
        DecisionAssert.NoOp(SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, Overdue.AddHours(1)), overdue));
        DecisionAssert.NoOp(SupervisionDecider.Decide(new RunSupervisionMilestones(Actor.System, Overdue.AddDays(40)), overdue));

        // The late supplement still arrives, and is recorded, but the overdue stays in the history.
        var late = Apply(overdue, Report(at: Overdue.AddDays(2)));
        Assert.True(Assert.Single(late.SupplementRequests).Overdue);
    }

    [Fact]
    public void A_late_supplement_before_a_late_reminder_is_still_overdue()
    {
        var late = Apply(Asked(), Report(at: Overdue.AddDays(1)));
        var due = Assert.IsType<SupplementOverdue>(Assert.Single(SupervisionMilestones.Due(late, Overdue.AddDays(3))));
        Assert.Equal((Health.AgencyId, DueBy), (due.AgencyId, due.DueBy));
    }
}
