using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Domain.Tests.Bodies;

public sealed class RulesProfileTests
{
    private static readonly RulesProfile Valid = new(
        "HĐND tỉnh Huế", new DateOnly(2026, 1, 1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3),
        TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), 3, 20, "Nghị quyết HĐND");

    [Fact]
    public void Problem_of_a_sound_profile_is_null()
    {
        Assert.Null(Valid.Problem());
    }

    [Fact]
    public void Problem_accepts_the_bounds()
    {
        var edge = Valid with { ClosingLimit = TimeSpan.FromHours(1), CallBatchSize = 10, WrittenAnswerDays = 365 };

        Assert.Null(edge.Problem());
        Assert.Null((Valid with { CallBatchSize = 1, WrittenAnswerDays = 1 }).Problem());
    }

    [Fact]
    public void Problem_finds_a_missing_name()
    {
        Assert.NotNull((Valid with { Name = " " }).Problem());
    }

    [Fact]
    public void Problem_finds_a_limit_of_zero_or_over_an_hour()
    {
        Assert.NotNull((Valid with { QuestionLimit = TimeSpan.Zero }).Problem());
        Assert.NotNull((Valid with { DebateLimit = TimeSpan.FromSeconds(-1) }).Problem());
        Assert.NotNull((Valid with { OpeningLimit = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1) }).Problem());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Problem_finds_a_call_batch_out_of_range(int batch)
    {
        Assert.NotNull((Valid with { CallBatchSize = batch }).Problem());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void Problem_finds_a_written_answer_period_out_of_range(int days)
    {
        Assert.NotNull((Valid with { WrittenAnswerDays = days }).Problem());
    }

    [Fact]
    public void LimitFor_gives_each_kind_its_own_limit()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Valid.LimitFor(TurnKind.Opening));
        Assert.Equal(TimeSpan.FromMinutes(1), Valid.LimitFor(TurnKind.Question));
        Assert.Equal(TimeSpan.FromMinutes(3), Valid.LimitFor(TurnKind.Answer));
        Assert.Equal(TimeSpan.FromSeconds(45), Valid.LimitFor(TurnKind.Debate));
        Assert.Equal(TimeSpan.FromMinutes(2), Valid.LimitFor(TurnKind.Clarification));
        Assert.Equal(TimeSpan.FromMinutes(10), Valid.LimitFor(TurnKind.Closing));
    }
}
