using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

/// <summary>
/// Text people type into a sitting (questions, transcript, commitments, titles, names): invisible-only text is
/// refused as empty, names and titles refuse direction controls, and what is kept is composed and free of controls.
/// </summary>
public sealed class PeoplesTextTests
{
    public static TheoryData<string> Empties => ["\u200b\u200b\u200b", "\0\0", "\u2060\ufeff \u200d"];

    [Theory]
    [MemberData(nameof(Empties))]
    public void A_question_of_invisible_characters_is_refused(string text)
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(new FileQuestion(Guid.CreateVersion7(), Budget, Finance, text, Actors.Deputy("d1"), s.Now)),
            ErrorKind.Invalid, "question_text_required");
    }

    [Theory]
    [MemberData(nameof(Empties))]
    public void A_transcript_segment_of_invisible_characters_is_refused(string markdown)
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new PublishTranscriptSegment(Guid.CreateVersion7(), null, "Chủ tọa", markdown, Actors.Secretariat(), s.Now)),
            ErrorKind.Invalid, "segment_length");
    }

    [Theory]
    [InlineData("\u200b")]
    [InlineData("Trần\u202eVăn An")]
    [InlineData("\u2066Trần Văn An")]
    [InlineData("Trần Văn\nAn")]
    public void A_speaker_name_empty_or_with_direction_controls_is_refused(string name)
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(new PublishTranscriptSegment(Guid.CreateVersion7(), null, name, "Xin cảm ơn.", Actors.Secretariat(), s.Now)),
            ErrorKind.Invalid, "speaker_required");
    }

    [Fact]
    public void A_published_segment_is_kept_composed_and_without_controls()
    {
        var s = InBudget();
        var markdown = "Đại biểu\0 hỏi về\u0007 y tế.\r\nBộ trưởng trả lời.".Normalize(System.Text.NormalizationForm.FormD);

        var published = Assert.IsType<TranscriptSegmentPublished>(Assert.Single(s.Do(
            new PublishTranscriptSegment(Guid.CreateVersion7(), null, " Chủ\0 tọa ", markdown, Actors.Secretariat(), s.Now))));

        Assert.Equal("Đại biểu hỏi về y tế.\nBộ trưởng trả lời.", published.Markdown);
        Assert.Equal("Chủ tọa", published.SpeakerName);
    }

    [Theory]
    [MemberData(nameof(Empties))]
    public void A_commitment_of_invisible_characters_is_refused(string text)
    {
        var s = InBudget();
        var registration = s.Ask("d1");
        s.Speak(TurnKind.Answer);

        DecisionAssert.Refused(s.Try(new RecordCommitment(Guid.CreateVersion7(), s.QuestionOf(registration).QuestionId, null, "Bộ Tài chính", text,
            new DateOnly(2027, 6, 30), Actors.Secretariat(), s.Now)), ErrorKind.Invalid, "commitment_text");
    }

    [Theory]
    [InlineData("\u200b\u200b", "title_required")]
    [InlineData("Phiên\u202e chất vấn", "title_required")]
    public void A_sitting_title_empty_or_with_direction_controls_is_refused(string title, string code)
    {
        var command = new ScheduleSitting(Guid.CreateVersion7(), Body, title, StartsAt, Rules, [BudgetPlan], Actors.Secretariat(), StartsAt.AddDays(-10));

        DecisionAssert.Refused(SittingDecider.Decide(command, SittingDecider.Initial), ErrorKind.Invalid, code);
    }

    [Fact]
    public void A_cluster_title_with_an_isolate_is_refused()
    {
        var command = new ScheduleSitting(Guid.CreateVersion7(), Body, "Phiên chất vấn", StartsAt, Rules,
            [BudgetPlan with { Title = "\u2067Ngân sách" }], Actors.Secretariat(), StartsAt.AddDays(-10));

        DecisionAssert.Refused(SittingDecider.Decide(command, SittingDecider.Initial), ErrorKind.Invalid, "cluster_title_required");
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("Nguyễn\u202eThị Hoa")]
    public void A_member_name_empty_or_with_direction_controls_is_refused(string name)
    {
        var established = BodyDecider.Evolve(BodyDecider.Initial,
            new BodyEstablished("na", BodyKind.NationalAssembly, "Quốc hội", "National Assembly", null, "XV", Actors.Admin.Ref, StartsAt));

        DecisionAssert.Refused(BodyDecider.Decide(new SeatMember(new Member("d-01", name, "Đoàn Hà Nội"), Actors.Admin, StartsAt), established),
            ErrorKind.Invalid, "member_name_required");
    }
}
