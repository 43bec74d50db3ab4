using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Domain.Tests.Bodies;

/// <summary>Roles as events on the body's stream: who may grant and revoke, and what a grant must name.</summary>
public sealed class BodyGrantTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly Actor HueAdmin = new("u-hue-admin", "Quản trị HĐND Huế", [new Domain.Grant(Role.Admin, "pc-hue")]);

    private static BodyState Hue()
    {
        BodyCommand[] setup =
        [
            new EstablishBody("pc-hue", BodyKind.ProvincialCouncil, "HĐND thành phố Huế", "Huế City People's Council", null, "2026–2031", Actors.Admin, Now),
            new SeatMember(new Member("hue-d-001", "Tôn Nữ Thanh Tâm", "Tổ đại biểu phường Thuận Hóa"), Actors.Admin, Now),
            new RegisterAgency(new Agency("hue-a-health", "Sở Y tế", "Department of Health"), Actors.Admin, Now),
            new AppointOfficial(new Official("hue-o-health", "Lê Văn Hải", "Giám đốc Sở Y tế", "Sở Y tế", "hue-a-health"), Actors.Admin, Now),
        ];
        return setup.Aggregate(BodyDecider.Initial, Apply);
    }

    private static BodyState Apply(BodyState state, BodyCommand command)
    {
        var decision = BodyDecider.Decide(command, state);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, BodyDecider.Evolve);
    }

    private static GrantRole Grant(Role role, string? person = null, Actor? by = null, string body = "pc-hue", string user = "u-1") =>
        new(body, user, "Người dùng", role, person, by ?? Actors.Admin, Now);

    [Theory]
    [InlineData(Role.Chair, null)]
    [InlineData(Role.Secretariat, null)]
    [InlineData(Role.Supervisor, null)]
    [InlineData(Role.Admin, null)]
    [InlineData(Role.Deputy, "hue-d-001")]
    [InlineData(Role.Respondent, "hue-o-health")]
    [InlineData(Role.AgencyOfficer, "hue-a-health")]
    public void GrantRole_by_a_system_administrator_records_who_gave_what_and_when(Role role, string? person)
    {
        var decision = BodyDecider.Decide(Grant(role, person), Hue());

        var granted = Assert.IsType<RoleGranted>(Assert.Single(decision.Events));
        Assert.Equal(("u-1", role, person, "u-admin", Now), (granted.UserId, granted.Role, granted.PersonId, granted.By.UserId, granted.At));
        var state = BodyDecider.Evolve(Hue(), granted);
        Assert.Equal(new HeldRole("u-1", "Người dùng", role, person), Assert.Single(state.Grants));
    }

    [Fact]
    public void GrantRole_by_the_body_administrator_is_accepted_in_its_own_body()
    {
        Assert.Single(BodyDecider.Decide(Grant(Role.Chair, by: HueAdmin), Hue()).Events);
    }

    [Fact]
    public void GrantRole_by_an_administrator_of_another_body_is_forbidden()
    {
        var naAdmin = new Actor("u-na-admin", "Quản trị Quốc hội", [new Domain.Grant(Role.Admin, "na")]);

        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Chair, by: naAdmin), Hue()), ErrorKind.Forbidden, "admin_required");
    }

    [Theory]
    [InlineData(Role.Chair)]
    [InlineData(Role.Secretariat)]
    [InlineData(Role.Deputy)]
    [InlineData(Role.Supervisor)]
    public void GrantRole_by_anyone_but_an_administrator_is_forbidden(Role held)
    {
        var actor = Actors.Holding(held, "pc-hue");

        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Chair, by: actor), Hue()), ErrorKind.Forbidden, "admin_required");
        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Chair, by: Actors.Anonymous), Hue()), ErrorKind.Forbidden, "admin_required");
    }

    [Theory]
    [InlineData(Role.Deputy, null, "member_not_found")]
    [InlineData(Role.Deputy, "hue-d-999", "member_not_found")]
    [InlineData(Role.Respondent, "hue-d-001", "official_not_found")]
    [InlineData(Role.AgencyOfficer, "hue-a-police", "agency_not_found")]
    [InlineData(Role.Chair, "hue-d-001", "person_not_expected")]
    public void GrantRole_names_a_seated_member_an_appointed_official_or_a_registered_agency(Role role, string? person, string code)
    {
        DecisionAssert.Refused(BodyDecider.Decide(Grant(role, person), Hue()), ErrorKind.Invalid, code);
    }

    [Fact]
    public void GrantRole_repeated_is_a_no_op_and_a_second_account_cannot_speak_for_the_same_member()
    {
        var state = Apply(Hue(), Grant(Role.Deputy, "hue-d-001"));

        DecisionAssert.NoOp(BodyDecider.Decide(Grant(Role.Deputy, "hue-d-001"), state));
        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Deputy, "hue-d-001", user: "u-2"), state), ErrorKind.Conflict, "person_taken");
    }

    [Fact]
    public void GrantRole_on_a_body_that_does_not_exist_is_not_found()
    {
        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Chair), BodyDecider.Initial), ErrorKind.NotFound, "body_not_found");
    }

    [Fact]
    public void RevokeRole_takes_the_grant_back_with_a_reason_and_a_second_revoke_finds_nothing()
    {
        var state = Apply(Hue(), Grant(Role.Secretariat));
        var revoke = new RevokeRole("pc-hue", "u-1", Role.Secretariat, null, "Chuyển công tác", HueAdmin, Now.AddDays(1));

        var revoked = Assert.IsType<RoleRevoked>(Assert.Single(BodyDecider.Decide(revoke, state).Events));
        Assert.Equal(("Chuyển công tác", "u-hue-admin"), (revoked.Reason, revoked.By.UserId));
        state = BodyDecider.Evolve(state, revoked);
        Assert.Empty(state.Grants);
        DecisionAssert.Refused(BodyDecider.Decide(revoke, state), ErrorKind.NotFound, "grant_not_found");
    }

    [Fact]
    public void RevokeRole_needs_a_reason_and_an_administrator()
    {
        var state = Apply(Hue(), Grant(Role.Secretariat));

        DecisionAssert.Refused(BodyDecider.Decide(new RevokeRole("pc-hue", "u-1", Role.Secretariat, null, " ", Actors.Admin, Now), state),
            ErrorKind.Invalid, "reason_required");
        DecisionAssert.Refused(BodyDecider.Decide(new RevokeRole("pc-hue", "u-1", Role.Secretariat, null, "Lý do", Actors.Chair("pc-hue"), Now), state),
            ErrorKind.Forbidden, "admin_required");
    }

    [Fact]
    public void System_wide_grants_are_administrators_only_given_by_a_system_administrator()
    {
        var first = Grant(Role.Admin, body: Domain.Grant.AnyBody, user: "u-root");

        var state = Apply(BodyDecider.Initial, first);
        Assert.False(state.Exists);
        Assert.Equal(Role.Admin, Assert.Single(state.Grants).Role);
        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Chair, body: Domain.Grant.AnyBody), state), ErrorKind.Invalid, "role_needs_body");
        DecisionAssert.Refused(BodyDecider.Decide(Grant(Role.Admin, body: Domain.Grant.AnyBody, by: HueAdmin), state), ErrorKind.Forbidden, "admin_required");
        DecisionAssert.Refused(BodyDecider.Decide(new SeatMember(new Member("x", "X", "Y"), Actors.Admin, Now), state), ErrorKind.NotFound, "body_not_found");
    }

    [Fact]
    public void The_last_system_administrator_cannot_be_revoked()
    {
        var state = Apply(BodyDecider.Initial, Grant(Role.Admin, body: Domain.Grant.AnyBody, user: "u-root"));
        var revoke = new RevokeRole(Domain.Grant.AnyBody, "u-root", Role.Admin, null, "Nghỉ hưu", Actors.Admin, Now);

        DecisionAssert.Refused(BodyDecider.Decide(revoke, state), ErrorKind.Conflict, "last_administrator");
        state = Apply(state, Grant(Role.Admin, body: Domain.Grant.AnyBody, user: "u-second"));
        Assert.Single(BodyDecider.Decide(revoke, state).Events);
    }

    [Fact]
    public void EstablishBody_with_the_system_wide_key_or_a_malformed_id_is_refused()
    {
        var star = new EstablishBody(Domain.Grant.AnyBody, BodyKind.CommuneCouncil, "Tất cả", "All", null, "", Actors.Admin, Now);
        var spaced = star with { BodyId = "pc hue" };

        Assert.NotNull(BodyDecider.Decide(star, BodyDecider.Initial).Error);
        DecisionAssert.Refused(BodyDecider.Decide(spaced, BodyDecider.Initial), ErrorKind.Invalid, "body_invalid");
    }
}
