using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class ReportTests
{
    [Fact]
    public void A_supervised_agencys_officer_files_its_report_and_a_repeated_report_is_one()
    {
        var report = Report();
        var state = Apply(Planned(), report);
        Assert.Equal([report.ReportId], state.ReportsFrom(Health.AgencyId));
        Assert.Equal(SupervisionStage.Planned, state.Stage);
        DecisionAssert.NoOp(SupervisionDecider.Decide(report, state));
        DecisionAssert.NoOp(SupervisionDecider.Decide(report with { Markdown = "Bản khác" }, state));
    }

    [Fact]
    public void The_secretariat_files_a_report_for_any_supervised_agency_but_not_for_another()
    {
        Assert.Null(SupervisionDecider.Decide(Report(agency: Insurance, by: Actors.Secretariat(Body)), Planned()).Error);
        Assert.Null(SupervisionDecider.Decide(Report(agency: Insurance, by: Actors.Admin), Planned()).Error);
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Report(agency: Education, by: Actors.Secretariat(Body)), Planned()), ErrorKind.NotFound, "agency_not_supervised");
    }

    [Fact]
    public void Nobody_else_files_an_agencys_report()
    {
        var denied = (Actor[])
        [
            Actors.Anonymous,
            Deputy,
            Supervisor(),
            Actors.Chair(Body),
            Officer(Insurance.AgencyId), // another supervised agency
            Officer(Education.AgencyId), // an agency not supervised
            Officer(Health.AgencyId, "pc-hue"), // the same agency id in another body
            Actors.Secretariat("pc-hue"),
        ];
        foreach (var actor in denied)
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Report(by: actor), Planned()), ErrorKind.Forbidden, "agency_officer_required");
        }

        // An officer of an agency the topic does not supervise cannot file in its name either.
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Report(agency: Education, by: Officer(Education.AgencyId)), Planned()), ErrorKind.Forbidden, "agency_officer_required");
    }

    [Fact]
    public void An_agency_answering_to_another_body_reports_through_its_officers_there()
    {
        var central = new SupervisedAgency("na-a-social-insurance", "Bảo hiểm xã hội Việt Nam", "na");
        var planned = Apply(Apply(SupervisionDecider.Initial, Decide(supervised: [Health, central])), Plan());
        Assert.Null(SupervisionDecider.Decide(Report(agency: central, by: Officer(central.AgencyId, "na")), planned).Error);
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Report(agency: central, by: Officer(central.AgencyId, Body)), planned), ErrorKind.Forbidden, "agency_officer_required");
    }

    [Fact]
    public void Reports_come_in_from_the_plan_to_the_draft_report()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Report(), Decided()), ErrorKind.Conflict, "stage_too_early");
        Assert.Null(SupervisionDecider.Decide(Report(at: On(VisitDate.AddDays(2))), InFieldwork()).Error);
        Assert.Null(SupervisionDecider.Decide(Report(at: On(VisitDate.AddDays(5))), Reporting()).Error);
        DecisionAssert.Refused(SupervisionDecider.Decide(Report(at: On(new DateOnly(2027, 1, 11))), Resolved()), ErrorKind.Conflict, "stage_passed");
        DecisionAssert.Refused(SupervisionDecider.Decide(Report(at: On(new DateOnly(2027, 1, 21))), Closed()), ErrorKind.Conflict, "topic_closed");
    }

    [Fact]
    public void Bad_reports_are_refused()
    {
        var report = Report();
        DecisionAssert.Refused(SupervisionDecider.Decide(report with { Markdown = "\u200b" }, Planned()), ErrorKind.Invalid, "report_text");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(report with { Markdown = new string('b', SupervisionDecider.MaxReport + 1) }, Planned()), ErrorKind.Invalid, "report_text");
        DecisionAssert.Refused(SupervisionDecider.Decide(report with { Attachments = ["file:///c:/bao-cao.pdf"] }, Planned()), ErrorKind.Invalid, "attachments");
        var many = Enumerable.Range(0, SupervisionDecider.MaxAttachments + 1).Select(i => $"https://soyte.hanoi.gov.vn/{i}").ToList();
        DecisionAssert.Refused(SupervisionDecider.Decide(report with { Attachments = many }, Planned()), ErrorKind.Invalid, "attachments");
        DecisionAssert.Refused(SupervisionDecider.Decide(report with { AgencyId = " " }, Planned()), ErrorKind.Invalid, "agency_required");
    }
}
