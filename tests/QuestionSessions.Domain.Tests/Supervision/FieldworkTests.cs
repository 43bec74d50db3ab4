using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class FieldworkTests
{
    [Fact]
    public void A_field_visit_starts_fieldwork_and_sets_the_draft_report_seven_days_after_it()
    {
        var visited = Assert.IsType<FieldVisitRecorded>(Assert.Single(SupervisionDecider.Decide(Visit(), Planned()).Events));
        Assert.Equal(VisitDate.AddDays(7), visited.DraftDueBy);
        Assert.Equal(Commune, visited.Locality);

        var state = InFieldwork();
        Assert.Equal(SupervisionStage.Fieldwork, state.Stage);
        Assert.Equal(VisitDate.AddDays(7), state.DraftDueBy);
        DecisionAssert.NoOp(SupervisionDecider.Decide(Visit(), state));
    }

    [Fact]
    public void The_draft_report_is_due_seven_days_after_the_last_visit_held_whatever_order_they_are_recorded_in()
    {
        var second = Apply(InFieldwork(), Visit(Guid.NewGuid(), VisitDate.AddDays(3), On(VisitDate.AddDays(4))));
        Assert.Equal(VisitDate.AddDays(10), second.DraftDueBy);
        var earlier = Apply(second, Visit(Guid.NewGuid(), VisitDate.AddDays(-2), On(VisitDate.AddDays(5))));
        Assert.Equal(VisitDate.AddDays(10), earlier.DraftDueBy);
        Assert.Equal(3, earlier.Visits.Count);
    }

    [Fact]
    public void A_visit_is_recorded_once_held_somewhere_real_and_with_notes()
    {
        var visit = Visit(at: On(VisitDate.AddDays(-1)));
        DecisionAssert.Refused(SupervisionDecider.Decide(visit, Planned()), ErrorKind.Invalid, "visit_in_future");
        DecisionAssert.Refused(SupervisionDecider.Decide(Visit() with { Locality = new Locality("sai-gon") }, Planned()), ErrorKind.Invalid, "locality");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Visit() with { Locality = Commune with { Commune = new string('x', Locality.MaxCommune + 1) } }, Planned()), ErrorKind.Invalid, "locality");
        DecisionAssert.Refused(SupervisionDecider.Decide(Visit() with { NotesMarkdown = "" }, Planned()), ErrorKind.Invalid, "visit_notes");
        DecisionAssert.Refused(SupervisionDecider.Decide(Visit(date: Today.AddDays(-1), at: Now.AddDays(3)), Planned()), ErrorKind.Conflict, "visit_before_decision");
    }

    [Fact]
    public void Visits_follow_the_plan_and_end_with_the_first_finding()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Visit(date: Today, at: Now), Decided()), ErrorKind.Conflict, "stage_too_early");
        DecisionAssert.Refused(SupervisionDecider.Decide(Visit(Guid.NewGuid(), VisitDate.AddDays(4)), Reporting()), ErrorKind.Conflict, "stage_passed");
        DecisionAssert.NoOp(SupervisionDecider.Decide(Visit(), Reporting()));
    }

    [Fact]
    public void Only_the_supervising_committee_the_secretariat_or_an_admin_records_a_visit()
    {
        Assert.Null(SupervisionDecider.Decide(Visit(by: Actors.Secretariat(Body)), Planned()).Error);
        Assert.Null(SupervisionDecider.Decide(Visit(by: Actors.Admin), Planned()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Chair(Body)])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Visit(by: actor), Planned()), ErrorKind.Forbidden, "role_required");
        }
    }
}
