using QuestionSessions.Domain.Supervision;
using static QuestionSessions.Domain.Tests.Supervision.SupervisionScript;

namespace QuestionSessions.Domain.Tests.Supervision;

public sealed class FindingTests
{
    [Fact]
    public void A_finding_moves_the_topic_to_its_report_and_a_repeated_finding_is_one()
    {
        var state = Reporting();
        Assert.Equal(SupervisionStage.Reporting, state.Stage);
        Assert.Equal([FindingId], state.Findings);
        DecisionAssert.NoOp(SupervisionDecider.Decide(Finding(), state));
        DecisionAssert.NoOp(SupervisionDecider.Decide(Finding(), Resolved()));
    }

    [Fact]
    public void Findings_may_rest_on_the_reports_alone_but_not_on_the_decision_alone()
    {
        Assert.Equal(SupervisionStage.Reporting, Apply(Planned(), Finding()).Stage);
        DecisionAssert.Refused(SupervisionDecider.Decide(Finding(), Decided()), ErrorKind.Conflict, "stage_too_early");
        DecisionAssert.Refused(SupervisionDecider.Decide(Finding(Guid.NewGuid()), Resolved()), ErrorKind.Conflict, "stage_passed");
    }

    [Fact]
    public void A_finding_says_something_in_at_most_twenty_thousand_characters()
    {
        DecisionAssert.Refused(SupervisionDecider.Decide(Finding() with { Markdown = "\u200d" }, InFieldwork()), ErrorKind.Invalid, "finding_text");
        DecisionAssert.Refused(
            SupervisionDecider.Decide(Finding() with { Markdown = new string('f', SupervisionDecider.MaxMarkdown + 1) }, InFieldwork()), ErrorKind.Invalid, "finding_text");
    }

    [Fact]
    public void Only_the_supervising_committee_the_secretariat_or_an_admin_records_findings()
    {
        Assert.Null(SupervisionDecider.Decide(Finding(by: Actors.Secretariat(Body)), InFieldwork()).Error);
        Assert.Null(SupervisionDecider.Decide(Finding(by: Actors.Admin), InFieldwork()).Error);
        foreach (var actor in (Actor[])[Actors.Anonymous, Deputy, Officer(), Supervisor("pc-hue"), Actors.Chair(Body)])
        {
            DecisionAssert.Refused(SupervisionDecider.Decide(Finding(by: actor), InFieldwork()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void A_topic_holds_at_most_a_thousand_findings()
    {
        var state = InFieldwork() with { Findings = [.. Enumerable.Range(0, SupervisionDecider.MaxEntries).Select(_ => Guid.NewGuid())] };
        DecisionAssert.Refused(SupervisionDecider.Decide(Finding(), state), ErrorKind.Conflict, "too_many_entries");
    }
}
