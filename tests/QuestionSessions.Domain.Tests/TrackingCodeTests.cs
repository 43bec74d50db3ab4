namespace QuestionSessions.Domain.Tests;

public sealed class TrackingCodeTests
{
    [Fact]
    public void A_code_is_the_prefix_and_two_groups_of_four_from_the_ids_last_40_bits()
    {
        var id = Guid.Parse("ffffffff-ffff-7fff-8fff-ff0000000000");
        Assert.Equal("KN-0000-0000", TrackingCode.Of(TrackingCode.Petition, id));
        // 0xFF FF FF FF FF: every group of five bits is 31, the alphabet's last letter.
        Assert.Equal("GT-ZZZZ-ZZZZ", TrackingCode.Of(TrackingCode.Explanation, Guid.Parse("00000000-0000-7000-8000-00ffffffffff")));
        // 0x08 42 10 84 21: 00001 00001 … eight ones.
        Assert.Equal("KN-1111-1111", TrackingCode.Of(TrackingCode.Petition, Guid.Parse("00000000-0000-7000-8000-000842108421")));
    }

    [Fact]
    public void Ids_made_in_the_same_instant_get_different_codes()
    {
        // Version-7 ids begin with the millisecond they were made: their codes must come from the random end.
        var ids = Enumerable.Range(0, 5_000).Select(_ => Guid.CreateVersion7(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero))).ToList();
        Assert.Equal(ids.Count, ids.Select(id => TrackingCode.Of(TrackingCode.Petition, id)).Distinct().Count());
    }

    [Fact]
    public void The_same_id_always_gives_the_same_code_and_different_ids_almost_never_share_one()
    {
        var ids = Enumerable.Range(0, 20_000).Select(i => DerivedId.Of($"petition {i}")).ToList();
        Assert.Equal(TrackingCode.Of("KN", ids[0]), TrackingCode.Of("KN", ids[0]));
        Assert.Equal(ids.Count, ids.Select(id => TrackingCode.Of("KN", id)).Distinct().Count());
    }

    [Theory]
    [InlineData("KN-7F3Q-2M9X", "KN-7F3Q-2M9X")]
    [InlineData("kn 7f3q 2m9x", "KN-7F3Q-2M9X")]
    [InlineData("KN7F3Q2M9X", "KN-7F3Q-2M9X")]
    [InlineData("KN-7F3Q-2MOX", "KN-7F3Q-2M0X")]
    [InlineData("KN-7F3Q-IL9X", "KN-7F3Q-119X")]
    [InlineData("GT-7F3Q-2M9X", null)]
    [InlineData("KN-7F3Q-2M9", null)]
    [InlineData("KN-7F3Q-2M9XY", null)]
    [InlineData("KN-7F3Q-2MUX", null)]
    [InlineData("KN-7F3Q-2M9%", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Codes_typed_by_hand_are_read_forgivingly_and_anything_else_is_not_a_code(string? typed, string? expected) =>
        Assert.Equal(expected, TrackingCode.Normalize(TrackingCode.Petition, typed));

    [Fact]
    public void Every_code_reads_back_as_itself()
    {
        for (var i = 0; i < 1_000; i++)
        {
            var code = TrackingCode.Of(TrackingCode.Petition, Guid.NewGuid());
            Assert.Equal(code, TrackingCode.Normalize(TrackingCode.Petition, code));
        }
    }
}
