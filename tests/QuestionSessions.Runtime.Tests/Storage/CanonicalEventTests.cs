using System.Text;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public sealed class CanonicalEventTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 11, 22, 6, 38, 0, TimeSpan.Zero).AddTicks(1_234_560);

    [Fact]
    public void Encode_writes_length_prefixed_fields_in_the_documented_order()
    {
        var bytes = CanonicalEvent.Encode("sitting/1", 42, "answer_given", At, """{"t":"Bộ"}""", "{}");

        // "Bộ" is 4 UTF-8 bytes, so the data field is 12 bytes for 10 characters.
        Assert.Equal(
            "10:qs-event/1,9:sitting/1,2:42,12:answer_given,27:2025-11-22T06:38:00.123456Z,12:{\"t\":\"Bộ\"},2:{},",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Hash_differs_when_text_moves_between_fields()
    {
        var one = EventHash.Compute(EventHash.Genesis, "s", 1, "t", At, "ab", "c");
        var other = EventHash.Compute(EventHash.Genesis, "s", 1, "t", At, "a", "bc");

        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Hash_of_a_known_event_never_changes()
    {
        // Pinned: if this changes, every chain already stored stops verifying. The value was computed
        // independently of this code, from the invariant in CanonicalEvent (Python hashlib).
        var hash = EventHash.Compute(EventHash.Genesis, "sitting/1", 1, "question_filed", At, """{"text":"Bộ trưởng Bộ Y tế trả lời chất vấn"}""", "{}");

        Assert.Equal(PinnedHash, hash);
    }

    [Fact]
    public void Encode_rejects_text_that_is_not_valid_unicode()
    {
        Assert.ThrowsAny<ArgumentException>(() => CanonicalEvent.Encode("s", 1, "t", At, "\ud800", "{}"));
    }

    private const string PinnedHash = "1cf092206c1fce8c9ac127c49576fcddb752cb2e3ff5cb877872f374eee76db9";
}
