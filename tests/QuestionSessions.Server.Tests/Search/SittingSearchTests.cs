using System.Text.Json;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Server.Search;

namespace QuestionSessions.Server.Tests.Search;

public sealed class SittingSearchTests
{
    private static readonly ActorRef Secretariat = new("secretariat.na", "Thư ký");

    private static string Serialized(Guid? turnId, string markdown = "Thưa Quốc hội") =>
        JsonSerializer.Serialize(
            new TranscriptSegmentPublished(Guid.CreateVersion7(), turnId, "Bộ trưởng", markdown, Secretariat, DateTimeOffset.UnixEpoch),
            Runtime.Aggregates.Json.Options);

    [Fact]
    public void A_segment_outside_any_turn_is_recognised_from_its_opening()
    {
        Assert.Equal((true, (Guid?)null), SittingSearch.TurnIdOf(Serialized(null, new string('x', 5_000))));
    }

    [Fact]
    public void A_segment_of_a_turn_gives_that_turn()
    {
        var turn = Guid.CreateVersion7();
        Assert.Equal((true, (Guid?)turn), SittingSearch.TurnIdOf(Serialized(turn, "Đất đai " + new string('đ', 2_000))));
    }

    [Theory]
    [InlineData("""{"speakerName":"Bộ trưởng","markdown":"rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài rất dài","turnId":null}""")]
    [InlineData("""{"by":{"id":"a"},"turnId":null}""")]
    [InlineData("""["turnId"]""")]
    [InlineData("""{"turnId":42}""")]
    [InlineData("")]
    public void An_opening_without_a_readable_turn_id_asks_for_a_full_read(string data)
    {
        Assert.False(SittingSearch.TurnIdOf(data).Found);
    }
}
