using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Domain.Tests.Bodies;

/// <summary>Members unseated and officials relieved: recorded with a reason and a day, their grants revoked at once, nothing deleted.</summary>
public sealed class BodyRosterTests
{
    // 09:00 on 1 April 2026 in Vietnam.
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly DateOnly Today = new(2026, 4, 1);

    private static BodyState Hue()
    {
        BodyCommand[] setup =
        [
            new EstablishBody("pc-hue", BodyKind.ProvincialCouncil, "HĐND thành phố Huế", "Huế City People's Council", null, "2026–2031", Actors.Admin, Now),
            new SeatMember(new Member("hue-d-001", "Tôn Nữ Thanh Tâm", "Tổ đại biểu phường Thuận Hóa"), Actors.Admin, Now),
            new SeatMember(new Member("hue-d-002", "Hồ Văn Lộc", "Tổ đại biểu phường Kim Long"), Actors.Admin, Now),
            new RegisterAgency(new Agency("hue-a-health", "Sở Y tế", "Department of Health"), Actors.Admin, Now),
            new AppointOfficial(new Official("hue-o-health", "Lê Văn Hải", "Giám đốc Sở Y tế", "Sở Y tế", "hue-a-health"), Actors.Admin, Now),
            new GrantRole("pc-hue", "u-tam", "Tôn Nữ Thanh Tâm", Role.Deputy, "hue-d-001", Actors.Admin, Now),
            new GrantRole("pc-hue", "u-hai", "Lê Văn Hải", Role.Respondent, "hue-o-health", Actors.Admin, Now),
            new GrantRole("pc-hue", "u-tam", "Tôn Nữ Thanh Tâm", Role.Supervisor, null, Actors.Admin, Now),
        ];
        return setup.Aggregate(BodyDecider.Initial, Apply);
    }

    private static BodyState Apply(BodyState state, BodyCommand command)
    {
        var decision = BodyDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, BodyDecider.Evolve);
    }

    private static UnseatMember Unseat(string memberId = "hue-d-001", string reason = "Xin thôi làm đại biểu vì lý do sức khỏe", DateOnly? on = null, Actor? by = null) =>
        new(memberId, reason, on ?? Today, by ?? Actors.Admin, Now);

    private static RelieveOfficial Relieve(string officialId = "hue-o-health", string reason = "Điều động làm Giám đốc Sở Nội vụ", DateOnly? on = null, Actor? by = null) =>
        new(officialId, reason, on ?? Today, by ?? Actors.Admin, Now);

    [Fact]
    public void UnseatMember_records_the_reason_and_day_and_revokes_the_deputy_grant_in_the_same_decision()
    {
        var decision = BodyDecider.Decide(Unseat(on: Today.AddDays(-3)), Hue());

        Assert.Null(decision.Error);
        var unseated = Assert.IsType<MemberUnseated>(decision.Events[0]);
        Assert.Equal(("hue-d-001", "Xin thôi làm đại biểu vì lý do sức khỏe", Today.AddDays(-3), "u-admin"), (unseated.MemberId, unseated.Reason, unseated.On, unseated.By.UserId));
        var revoked = Assert.IsType<RoleRevoked>(Assert.Single(decision.Events.Skip(1)));
        Assert.Equal(("u-tam", Role.Deputy, "hue-d-001", unseated.Reason), (revoked.UserId, revoked.Role, revoked.PersonId, revoked.Reason));

        var after = decision.Events.Aggregate(Hue(), BodyDecider.Evolve);
        Assert.Null(after.SeatedMember("hue-d-001"));
        Assert.Equal("Tôn Nữ Thanh Tâm", after.Members["hue-d-001"].Name);
        Assert.Equal(1, after.SeatedCount);
        Assert.DoesNotContain(after.Grants, g => g.Role == Role.Deputy);
        Assert.Contains(after.Grants, g => g is { UserId: "u-tam", Role: Role.Supervisor });
    }

    [Fact]
    public void RelieveOfficial_keeps_the_official_by_id_but_not_as_serving_and_revokes_the_respondent_grant()
    {
        var decision = BodyDecider.Decide(Relieve(), Hue());

        Assert.IsType<OfficialRelieved>(decision.Events[0]);
        var revoked = Assert.IsType<RoleRevoked>(Assert.Single(decision.Events.Skip(1)));
        Assert.Equal(("u-hai", Role.Respondent), (revoked.UserId, revoked.Role));
        var after = decision.Events.Aggregate(Hue(), BodyDecider.Evolve);
        Assert.Null(after.ServingOfficial("hue-o-health"));
        Assert.Equal("Lê Văn Hải", after.Officials["hue-o-health"].Name);
        Assert.Equal("Điều động làm Giám đốc Sở Nội vụ", after.Relieved["hue-o-health"].Reason);
        Assert.Equal(0, after.ServingCount);
    }

    [Fact]
    public void Unseating_or_relieving_twice_writes_nothing_the_second_time()
    {
        var state = Apply(Apply(Hue(), Unseat()), Relieve());

        DecisionAssert.NoOp(BodyDecider.Decide(Unseat(reason: "Lý do khác"), state));
        DecisionAssert.NoOp(BodyDecider.Decide(Relieve(), state));
    }

    [Fact]
    public void Unseat_and_relieve_by_anyone_but_an_administrator_of_the_body_are_forbidden()
    {
        var naAdmin = new Actor("u-na-admin", "Quản trị Quốc hội", [new Domain.Grant(Role.Admin, "na")]);
        foreach (var actor in new[] { naAdmin, Actors.Holding(Role.Chair, "pc-hue"), Actors.Holding(Role.Secretariat, "pc-hue"), Actors.Anonymous })
        {
            DecisionAssert.Refused(BodyDecider.Decide(Unseat(by: actor), Hue()), ErrorKind.Forbidden, "admin_required");
            DecisionAssert.Refused(BodyDecider.Decide(Relieve(by: actor), Hue()), ErrorKind.Forbidden, "admin_required");
        }

        var hueAdmin = new Actor("u-hue-admin", "Quản trị HĐND Huế", [new Domain.Grant(Role.Admin, "pc-hue")]);
        Assert.NotEmpty(BodyDecider.Decide(Unseat(by: hueAdmin), Hue()).Events);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200B")]
    [InlineData("Lý do \u202Eđảo ngược")]
    public void A_departure_without_a_readable_reason_is_refused(string reason)
    {
        DecisionAssert.Refused(BodyDecider.Decide(Unseat(reason: reason), Hue()), ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(BodyDecider.Decide(Relieve(reason: reason), Hue()), ErrorKind.Invalid, "reason_required");
    }

    [Fact]
    public void A_departure_dated_after_today_in_Vietnam_is_refused()
    {
        DecisionAssert.Refused(BodyDecider.Decide(Unseat(on: Today.AddDays(1)), Hue()), ErrorKind.Invalid, "departure_date");
        DecisionAssert.Refused(BodyDecider.Decide(Relieve(on: DateOnly.MinValue), Hue()), ErrorKind.Invalid, "departure_date");
    }

    [Fact]
    public void Unknown_members_and_officials_cannot_leave()
    {
        DecisionAssert.Refused(BodyDecider.Decide(Unseat(memberId: "hue-d-999"), Hue()), ErrorKind.NotFound, "member_not_found");
        DecisionAssert.Refused(BodyDecider.Decide(Relieve(officialId: "hue-d-001"), Hue()), ErrorKind.NotFound, "official_not_found");
    }

    [Fact]
    public void A_roster_imported_again_unchanged_neither_fails_on_nor_undoes_a_departure()
    {
        var state = Apply(Apply(Hue(), Unseat()), Relieve());

        DecisionAssert.NoOp(BodyDecider.Decide(new SeatMember(new Member("hue-d-001", "Tôn Nữ Thanh Tâm", "Tổ đại biểu phường Thuận Hóa"), Actors.Admin, Now), state));
        DecisionAssert.NoOp(BodyDecider.Decide(
            new AppointOfficial(new Official("hue-o-health", "Lê Văn Hải", "Giám đốc Sở Y tế", "Sở Y tế", "hue-a-health"), Actors.Admin, Now), state));
    }

    [Fact]
    public void An_unseated_member_or_relieved_official_is_neither_seated_again_nor_granted_a_role_under_the_same_id()
    {
        var state = Apply(Apply(Hue(), Unseat()), Relieve());

        DecisionAssert.Refused(BodyDecider.Decide(new SeatMember(new Member("hue-d-001", "Tôn Nữ Thanh Tâm", "Tổ đại biểu phường Vỹ Dạ"), Actors.Admin, Now), state),
            ErrorKind.Conflict, "member_unseated");
        DecisionAssert.Refused(BodyDecider.Decide(new AppointOfficial(new Official("hue-o-health", "Lê Văn Hải", "Giám đốc Sở Nội vụ", "Sở Nội vụ"), Actors.Admin, Now), state),
            ErrorKind.Conflict, "official_relieved");
        DecisionAssert.Refused(BodyDecider.Decide(new GrantRole("pc-hue", "u-x", "Người khác", Role.Deputy, "hue-d-001", Actors.Admin, Now), state),
            ErrorKind.Invalid, "member_not_found");
        DecisionAssert.Refused(BodyDecider.Decide(new GrantRole("pc-hue", "u-x", "Người khác", Role.Respondent, "hue-o-health", Actors.Admin, Now), state),
            ErrorKind.Invalid, "official_not_found");
    }
}
