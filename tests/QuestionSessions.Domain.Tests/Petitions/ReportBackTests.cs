using QuestionSessions.Domain.Petitions;
using static QuestionSessions.Domain.Tests.Petitions.PetitionScript;

namespace QuestionSessions.Domain.Tests.Petitions;

public sealed class ReportBackTests
{
    private static ReportBackToVoters Report(Actor? by = null, string channel = "Đoàn ĐBQH và Ủy ban MTTQ tỉnh", string? note = null) =>
        new(channel, note, by ?? Actors.Deputy("na-d-001"), Now.AddDays(25));

    [Fact]
    public void The_answer_is_reported_back_once_until_a_new_answer_comes()
    {
        var answered = Answered();
        var reported = Apply(answered, Report(note: "  Thông báo tại hội nghị tiếp xúc cử tri  "));
        Assert.True(reported.ReportedBack);
        Assert.Equal(answered.LatestAnswerId, reported.ReportedBackAnswerId);
        DecisionAssert.NoOp(Decide(Report(), reported));

        var again = Apply(reported, AnswerWith(PetitionOutcome.Resolved, Now.AddDays(40)));
        Assert.False(again.ReportedBack);
        var e = Assert.IsType<PetitionReportedBack>(Assert.Single(Decide(Report(Actors.Secretariat()), again).Events));
        Assert.Equal(again.LatestAnswerId, e.AnswerId);
    }

    [Fact]
    public void Nothing_is_reported_back_before_an_answer()
    {
        DecisionAssert.Refused(Decide(Report(), Routed()), ErrorKind.Conflict, "not_answered");
        DecisionAssert.Refused(Decide(Report(), Filed()), ErrorKind.Conflict, "not_answered");
    }

    [Fact]
    public void The_body_reports_back_and_nobody_else()
    {
        foreach (var actor in (Actor[])[Actors.Secretariat(), Supervisor(), Actors.Admin])
        {
            Assert.Null(Decide(Report(actor), Answered()).Error);
        }

        foreach (var actor in (Actor[])[Voter, Actors.Anonymous, Officer(), Actors.Deputy("pc-d-001", "pc-hue")])
        {
            DecisionAssert.Refused(Decide(Report(actor), Answered()), ErrorKind.Forbidden, "role_required");
        }
    }

    [Fact]
    public void A_report_back_names_its_channel_and_keeps_its_note_short()
    {
        DecisionAssert.Refused(Decide(Report(channel: " "), Answered()), ErrorKind.Invalid, "channel_required");
        DecisionAssert.Refused(Decide(Report(channel: new string('k', PetitionDecider.MaxChannel + 1)), Answered()), ErrorKind.Invalid, "channel_required");
        DecisionAssert.Refused(Decide(Report(note: new string('n', PetitionDecider.MaxNote + 1)), Answered()), ErrorKind.Invalid, "note_too_long");
    }
}
