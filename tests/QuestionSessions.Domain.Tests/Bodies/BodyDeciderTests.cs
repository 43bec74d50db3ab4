using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Commitments;

namespace QuestionSessions.Domain.Tests.Bodies;

public sealed class BodyDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly Member Deputy = new("d-hn-01", "Nguyễn Thị Hoa", "Đoàn ĐBQH Hà Nội");

    private static readonly Official Minister = new("bo-tai-chinh", "Trần Văn An", "Bộ trưởng", "Bộ Tài chính");

    private static readonly RulesProfile Profile2026 = new(
        "Quốc hội 2026", new DateOnly(2026, 3, 1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3),
        TimeSpan.FromSeconds(45), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), 3, 20, "Luật 121/2025/QH15");

    private static EstablishBody Establish(Actor? by = null, string name = "Quốc hội") =>
        new("na", BodyKind.NationalAssembly, name, "National Assembly", null, "XVI", by ?? Actors.Admin, Now);

    private static BodyState Established()
    {
        var decision = BodyDecider.Decide(Establish(), BodyDecider.Initial);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(BodyDecider.Initial, BodyDecider.Evolve);
    }

    private static BodyState Apply(BodyState state, BodyCommand command)
    {
        var decision = BodyDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, BodyDecider.Evolve);
    }

    [Fact]
    public void EstablishBody_by_an_administrator_is_accepted()
    {
        var decision = BodyDecider.Decide(Establish(name: "  Quốc hội "), BodyDecider.Initial);

        var established = Assert.IsType<BodyEstablished>(Assert.Single(decision.Events));
        Assert.Equal("na", established.BodyId);
        Assert.Equal("Quốc hội", established.Name);
        var state = BodyDecider.Evolve(BodyDecider.Initial, established);
        Assert.True(state.Exists);
        Assert.Equal(BodyKind.NationalAssembly, state.Kind);
        Assert.Equal("XVI", state.Term);
    }

    [Fact]
    public void EstablishBody_by_an_administrator_of_that_body_only_is_accepted()
    {
        var localAdmin = new Actor("u-na-admin", "Quản trị Quốc hội", [new Grant(Role.Admin, "na")]);

        Assert.Single(BodyDecider.Decide(Establish(localAdmin), BodyDecider.Initial).Events);
    }

    [Theory]
    [InlineData(Role.Secretariat, "na")]
    [InlineData(Role.Chair, "na")]
    [InlineData(Role.Deputy, "na")]
    [InlineData(Role.Admin, "pc-hue")]
    public void EstablishBody_by_anyone_but_an_administrator_is_forbidden(Role role, string body)
    {
        var decision = BodyDecider.Decide(Establish(Actors.Holding(role, body)), BodyDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "admin_required");
    }

    [Fact]
    public void EstablishBody_without_a_name_is_invalid()
    {
        DecisionAssert.Refused(BodyDecider.Decide(Establish(name: " "), BodyDecider.Initial), ErrorKind.Invalid, "body_name_required");
    }

    [Fact]
    public void EstablishBody_repeated_is_a_no_op()
    {
        DecisionAssert.NoOp(BodyDecider.Decide(Establish(), Established()));
    }

    [Fact]
    public void EstablishBody_repeated_with_the_same_name_padded_is_a_no_op()
    {
        DecisionAssert.NoOp(BodyDecider.Decide(Establish(name: "Quốc hội "), Established()));
    }

    [Fact]
    public void EstablishBody_again_under_another_name_conflicts()
    {
        DecisionAssert.Refused(BodyDecider.Decide(Establish(name: "Hội đồng nhân dân"), Established()), ErrorKind.Conflict, "body_exists");
    }

    [Fact]
    public void SeatMember_before_the_body_exists_is_not_found()
    {
        var decision = BodyDecider.Decide(new SeatMember(Deputy, Actors.Admin, Now), BodyDecider.Initial);

        DecisionAssert.Refused(decision, ErrorKind.NotFound, "body_not_found");
    }

    [Fact]
    public void SeatMember_by_the_secretariat_is_forbidden()
    {
        var decision = BodyDecider.Decide(new SeatMember(Deputy, Actors.Secretariat(), Now), Established());

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "admin_required");
    }

    [Fact]
    public void SeatMember_seats_the_member()
    {
        var state = Apply(Established(), new SeatMember(Deputy, Actors.Admin, Now));

        Assert.Equal(Deputy, state.Members[Deputy.MemberId]);
    }

    [Fact]
    public void SeatMember_again_unchanged_is_a_no_op()
    {
        var state = Apply(Established(), new SeatMember(Deputy, Actors.Admin, Now));

        DecisionAssert.NoOp(BodyDecider.Decide(new SeatMember(Deputy, Actors.Admin, Now), state));
    }

    [Fact]
    public void SeatMember_again_in_another_delegation_records_the_change()
    {
        var state = Apply(Established(), new SeatMember(Deputy, Actors.Admin, Now));
        var moved = Deputy with { Group = "Đoàn ĐBQH Huế" };

        state = Apply(state, new SeatMember(moved, Actors.Admin, Now));

        Assert.Equal(moved, Assert.Single(state.Members).Value);
    }

    [Fact]
    public void SeatMember_without_a_name_is_invalid()
    {
        var decision = BodyDecider.Decide(new SeatMember(Deputy with { Name = "" }, Actors.Admin, Now), Established());

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "member_name_required");
    }

    [Fact]
    public void SeatMember_under_an_officials_id_conflicts()
    {
        var state = Apply(Established(), new AppointOfficial(Minister, Actors.Admin, Now));

        var decision = BodyDecider.Decide(new SeatMember(Deputy with { MemberId = Minister.OfficialId }, Actors.Admin, Now), state);

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "id_taken");
    }

    [Fact]
    public void AppointOfficial_again_unchanged_is_a_no_op()
    {
        var state = Apply(Established(), new AppointOfficial(Minister, Actors.Admin, Now));

        DecisionAssert.NoOp(BodyDecider.Decide(new AppointOfficial(Minister, Actors.Admin, Now), state));
        Assert.Equal(Minister, state.Officials[Minister.OfficialId]);
    }

    [Fact]
    public void AppointOfficial_under_a_members_id_conflicts()
    {
        var state = Apply(Established(), new SeatMember(Deputy, Actors.Admin, Now));

        var decision = BodyDecider.Decide(new AppointOfficial(Minister with { OfficialId = Deputy.MemberId }, Actors.Admin, Now), state);

        DecisionAssert.Refused(decision, ErrorKind.Conflict, "id_taken");
    }

    [Fact]
    public void AppointOfficial_without_a_name_is_invalid()
    {
        var decision = BodyDecider.Decide(new AppointOfficial(Minister with { Name = " " }, Actors.Admin, Now), Established());

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "official_name_required");
    }

    [Fact]
    public void AdoptRulesProfile_that_is_invalid_is_refused()
    {
        var decision = BodyDecider.Decide(new AdoptRulesProfile(Profile2026 with { CallBatchSize = 0 }, Actors.Admin, Now), Established());

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "rules_profile_invalid");
    }

    [Fact]
    public void AdoptRulesProfile_again_unchanged_is_a_no_op()
    {
        var state = Apply(Established(), new AdoptRulesProfile(Profile2026, Actors.Admin, Now));

        DecisionAssert.NoOp(BodyDecider.Decide(new AdoptRulesProfile(Profile2026, Actors.Admin, Now), state));
    }

    [Fact]
    public void AdoptRulesProfile_on_the_same_date_replaces_the_earlier_one()
    {
        var state = Apply(Established(), new AdoptRulesProfile(Profile2026, Actors.Admin, Now));
        var amended = Profile2026 with { DebateLimit = TimeSpan.FromMinutes(1) };

        state = Apply(state, new AdoptRulesProfile(amended, Actors.Admin, Now));

        Assert.Equal(amended, Assert.Single(state.RulesProfiles));
    }

    [Theory]
    [InlineData("2026-02-28", null)]
    [InlineData("2026-03-01", "Quốc hội 2026")]
    [InlineData("2026-12-31", "Quốc hội 2026")]
    [InlineData("2027-07-01", "Quốc hội 2027")]
    [InlineData("2030-01-01", "Quốc hội 2027")]
    public void ProfileOn_picks_the_profile_in_force_on_the_date(string date, string? expected)
    {
        var profile2027 = Profile2026 with { Name = "Quốc hội 2027", EffectiveFrom = new DateOnly(2027, 7, 1), WrittenAnswerDays = 15 };
        // Adopted out of order on purpose: the state keeps them by effective date.
        var state = Apply(Established(), new AdoptRulesProfile(profile2027, Actors.Admin, Now));
        state = Apply(state, new AdoptRulesProfile(Profile2026, Actors.Admin, Now));

        Assert.Equal(expected, state.ProfileOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Name);
    }

    private static readonly Agency Finance = new("na-a-finance", "Bộ Tài chính", "Ministry of Finance");

    [Fact]
    public void RegisterAgency_adds_it_trimmed_and_a_repeat_is_a_no_op()
    {
        var state = Apply(Established(), new RegisterAgency(Finance with { Name = "  Bộ Tài chính " }, Actors.Admin, Now));

        Assert.Equal(Finance, state.Agencies["na-a-finance"]);
        DecisionAssert.NoOp(BodyDecider.Decide(new RegisterAgency(Finance, Actors.Admin, Now), state));
    }

    [Theory]
    [InlineData("", "Bộ Tài chính")]
    [InlineData("na a finance", "Bộ Tài chính")]
    [InlineData("na-a-finance", " \u200b ")]
    [InlineData("na-a-<script>", "Bộ Tài chính")]
    public void RegisterAgency_without_a_plain_id_or_a_name_is_invalid(string id, string name)
    {
        var decision = BodyDecider.Decide(new RegisterAgency(new Agency(id, name, ""), Actors.Admin, Now), Established());

        DecisionAssert.Refused(decision, ErrorKind.Invalid, "agency_invalid");
    }

    [Theory]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.AgencyOfficer)]
    public void RegisterAgency_by_anyone_but_an_administrator_is_forbidden(Role role)
    {
        var decision = BodyDecider.Decide(new RegisterAgency(Finance, Actors.Holding(role, "na"), Now), Established());

        DecisionAssert.Refused(decision, ErrorKind.Forbidden, "admin_required");
    }

    [Fact]
    public void AppointOfficial_of_an_unregistered_agency_is_invalid_and_of_a_registered_one_is_accepted()
    {
        var state = Established();
        var minister = Minister with { AgencyId = Finance.AgencyId };

        DecisionAssert.Refused(BodyDecider.Decide(new AppointOfficial(minister, Actors.Admin, Now), state), ErrorKind.Invalid, "agency_not_found");

        state = Apply(Apply(state, new RegisterAgency(Finance, Actors.Admin, Now)), new AppointOfficial(minister, Actors.Admin, Now));
        Assert.Equal("na-a-finance", state.Officials[Minister.OfficialId].AgencyId);
    }

    [Fact]
    public void Sessions_are_scheduled_in_the_order_of_their_numbers_and_a_repeat_is_a_no_op()
    {
        var state = Apply(Established(), new ScheduleSession(2, new DateOnly(2026, 10, 20), Actors.Admin, Now));
        state = Apply(state, new ScheduleSession(3, new DateOnly(2027, 5, 17), Actors.Admin, Now));
        Assert.Equal(new DateOnly(2027, 5, 17), state.Sessions[3]);

        DecisionAssert.NoOp(BodyDecider.Decide(new ScheduleSession(3, new DateOnly(2027, 5, 17), Actors.Admin, Now), state));
        DecisionAssert.Refused(BodyDecider.Decide(new ScheduleSession(4, new DateOnly(2027, 1, 1), Actors.Admin, Now), state), ErrorKind.Invalid, "session_order");
        DecisionAssert.Refused(BodyDecider.Decide(new ScheduleSession(1, new DateOnly(2026, 11, 1), Actors.Admin, Now), state), ErrorKind.Invalid, "session_order");
        DecisionAssert.Refused(BodyDecider.Decide(new ScheduleSession(0, new DateOnly(2026, 1, 1), Actors.Admin, Now), state), ErrorKind.Invalid, "session_number");
        DecisionAssert.Refused(
            BodyDecider.Decide(new ScheduleSession(4, new DateOnly(2027, 12, 1), Actors.Secretariat("na"), Now), state), ErrorKind.Forbidden, "admin_required");

        // Moved: the latest date stands.
        state = Apply(state, new ScheduleSession(3, new DateOnly(2027, 5, 20), Actors.Admin, Now));
        Assert.Equal(CommitmentDeadline.BeforeSession(3, new DateOnly(2027, 5, 20)), new CommitmentDeadline(new DateOnly(2027, 5, 19), "session:3"));
        Assert.Equal(new DateOnly(2027, 5, 20), state.Sessions[3]);
    }
}
