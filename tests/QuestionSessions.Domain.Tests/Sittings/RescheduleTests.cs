using QuestionSessions.Domain.Sittings;
using static QuestionSessions.Domain.Tests.Sittings.SittingScenario;

namespace QuestionSessions.Domain.Tests.Sittings;

public sealed class RescheduleTests
{
    private static readonly DateTimeOffset Later = StartsAt.AddDays(2).AddHours(6);

    private static RescheduleSitting Move(Actor actor, DateTimeOffset? to = null, string reason = "Kỳ họp lùi hai ngày theo nghị quyết của Thường trực") =>
        new(to ?? Later, Rules, reason, actor, StartsAt.AddDays(-5));

    [Fact]
    public void RescheduleSitting_by_the_secretariat_moves_the_start_and_keeps_the_old_one_in_the_history()
    {
        var s = Scheduled();

        var moved = Assert.IsType<SittingRescheduled>(Assert.Single(s.Do(Move(Actors.Secretariat()))));

        Assert.Equal((Later, StartsAt), (moved.StartsAt, moved.PreviousStartsAt));
        Assert.Equal("Kỳ họp lùi hai ngày theo nghị quyết của Thường trực", moved.Reason);
        Assert.Equal(Later, s.State.StartsAt);
        Assert.Equal(SittingStatus.Scheduled, s.State.Status);
    }

    [Fact]
    public void RescheduleSitting_by_an_administrator_of_every_body_is_accepted()
    {
        var s = Scheduled();

        Assert.Single(s.Do(Move(Actors.Admin)));
    }

    [Theory]
    [MemberData(nameof(Outsiders))]
    public void RescheduleSitting_by_anyone_but_the_secretariat_or_an_administrator_of_the_body_is_forbidden(Actor actor)
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(Move(actor)), ErrorKind.Forbidden, "role_required");
    }

    public static TheoryData<Actor> Outsiders() =>
    [
        Actors.Chair(), Actors.Deputy("na-d-001"), Actors.Respondent(Finance.OfficialId), Actors.Secretariat("pc-hue"), Actors.Anonymous,
    ];

    [Fact]
    public void RescheduleSitting_once_the_sitting_has_opened_is_a_conflict()
    {
        var s = Opened();

        DecisionAssert.Refused(s.Try(Move(Actors.Secretariat())), ErrorKind.Conflict, "sitting_not_scheduled");
    }

    [Fact]
    public void RescheduleSitting_to_a_day_without_rules_in_force_is_refused_after_the_start()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(Move(Actors.Secretariat()) with { Rules = null }), ErrorKind.Conflict, "no_rules_profile");
        DecisionAssert.Refused(s.Try(Move(Actors.Secretariat(), StartsAt.AddDays(-6)) with { Rules = null }), ErrorKind.Invalid, "starts_in_past");
    }

    [Fact]
    public void RescheduleSitting_to_a_start_already_past_is_invalid()
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(Move(Actors.Secretariat(), StartsAt.AddDays(-6))), ErrorKind.Invalid, "starts_in_past");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u200B\u200B")]
    [InlineData("Hai dòng\nlý do")]
    public void RescheduleSitting_without_a_reason_on_one_line_is_invalid(string reason)
    {
        var s = Scheduled();

        DecisionAssert.Refused(s.Try(Move(Actors.Secretariat(), reason: reason)), ErrorKind.Invalid, "reason_required");
    }

    [Fact]
    public void RescheduleSitting_to_the_start_it_already_has_writes_nothing()
    {
        var s = Scheduled();
        s.Do(Move(Actors.Secretariat()));

        DecisionAssert.NoOp(s.Try(Move(Actors.Secretariat())));
    }
}
