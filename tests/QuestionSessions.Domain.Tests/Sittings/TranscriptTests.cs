using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class TranscriptTests
{
    private static PublishTranscriptSegment Segment(
        SittingScenario s, Guid? turnId = null, string markdown = "**Bộ trưởng:** Xin cảm ơn đại biểu.", string speaker = "Trần Văn An",
        Actor? by = null) =>
        new(Guid.CreateVersion7(), turnId, speaker, markdown, by ?? Actors.Secretariat(), s.Now);

    [Fact]
    public void PublishTranscriptSegment_by_the_secretariat_is_published()
    {
        var s = InBudget();
        var opening = s.Speak(TurnKind.Opening);

        var published = Assert.IsType<TranscriptSegmentPublished>(Assert.Single(s.Do(Segment(s, opening, speaker: "  Trần Văn An "))));

        Assert.Equal(opening, published.TurnId);
        Assert.Equal("Trần Văn An", published.SpeakerName);
        Assert.Equal(published.SegmentId, Assert.Single(s.State.PublishedSegments));
    }

    [Fact]
    public void PublishTranscriptSegment_for_the_running_turn_is_published()
    {
        var s = InBudget();
        var opening = s.Start(TurnKind.Opening);

        Assert.IsType<TranscriptSegmentPublished>(Assert.Single(s.Do(Segment(s, opening))));
    }

    [Fact]
    public void PublishTranscriptSegment_after_the_sitting_closed_is_published()
    {
        var s = Opened();
        s.Do(new CloseSitting(Chair, s.Now));

        Assert.IsType<TranscriptSegmentPublished>(Assert.Single(s.Do(Segment(s))));
    }

    [Fact]
    public void PublishTranscriptSegment_by_the_chair_is_forbidden()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Segment(s, by: Chair)), ErrorKind.Forbidden, "role_required");
    }

    [Fact]
    public void PublishTranscriptSegment_by_the_secretariat_of_another_body_is_forbidden()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Segment(s, by: Actors.Secretariat("pc-hue"))), ErrorKind.Forbidden, "role_required");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SittingDecider.MaxSegmentLength + 1)]
    public void PublishTranscriptSegment_empty_or_too_long_is_invalid(int length)
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Segment(s, markdown: new string('m', length))), ErrorKind.Invalid, "segment_length");
    }

    [Fact]
    public void PublishTranscriptSegment_of_exactly_the_maximum_length_is_published()
    {
        var s = InBudget();

        Assert.IsType<TranscriptSegmentPublished>(Assert.Single(s.Do(Segment(s, markdown: new string('m', SittingDecider.MaxSegmentLength)))));
    }

    [Fact]
    public void PublishTranscriptSegment_without_a_speaker_is_invalid()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Segment(s, speaker: " ")), ErrorKind.Invalid, "speaker_required");
    }

    [Fact]
    public void PublishTranscriptSegment_for_an_unknown_turn_is_not_found()
    {
        var s = InBudget();

        DecisionAssert.Refused(s.Try(Segment(s, Guid.CreateVersion7())), ErrorKind.NotFound, "turn_not_found");
    }

    [Fact]
    public void PublishTranscriptSegment_before_the_sitting_opens_conflicts()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(Segment(s)), ErrorKind.Conflict, "sitting_not_open");
    }

    [Fact]
    public void PublishTranscriptSegment_repeated_is_a_no_op()
    {
        var s = InBudget();
        var command = Segment(s);
        s.Do(command);

        DecisionAssert.NoOp(s.Try(command));
    }
}
