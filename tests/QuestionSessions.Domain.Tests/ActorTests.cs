namespace QuestionSessions.Domain.Tests;

public sealed class ActorTests
{
    [Fact]
    public void Holds_a_role_in_the_body_of_the_grant_only()
    {
        var deputy = Actors.Deputy("d1", "pc-hue");

        Assert.True(deputy.Holds(Role.Deputy, "pc-hue"));
        Assert.False(deputy.Holds(Role.Deputy, "na"));
        Assert.False(deputy.Holds(Role.Chair, "pc-hue"));
    }

    [Fact]
    public void Holds_a_role_granted_for_any_body_everywhere()
    {
        Assert.True(Actors.Admin.Holds(Role.Admin, "na"));
        Assert.True(Actors.Admin.Holds(Role.Admin, "pc-hue"));
        Assert.False(Actors.Admin.Holds(Role.Deputy, "na"));
    }

    [Fact]
    public void PersonIn_names_the_member_of_that_body_only()
    {
        var both = new Actor("u-1", "Nguyễn Thị Hoa", [new Grant(Role.Deputy, "na", "d-na"), new Grant(Role.Deputy, "pc-hue", "d-hue")]);

        Assert.Equal("d-na", both.PersonIn(Role.Deputy, "na"));
        Assert.Equal("d-hue", both.PersonIn(Role.Deputy, "pc-hue"));
        Assert.Null(both.PersonIn(Role.Deputy, "pc-hcm"));
        // A grant for every body names nobody in particular.
        Assert.Null(new Actor("u-2", "x", [new Grant(Role.Deputy, Grant.AnyBody, "d-any")]).PersonIn(Role.Deputy, "na"));
    }
}
