using System.Net;
using System.Text;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>Voters create their own accounts: no grants, checked names and passwords, one account per name.</summary>
public sealed class RegistrationTests : SqliteNodeTest
{
    private const string Password = "hoa sen nở muộn";

    [Fact]
    public async Task A_voter_registers_is_signed_in_with_no_grants_and_can_sign_in_again()
    {
        using var http = Node.Anonymous();
        var (status, me) = await PostAsync(http, "/api/auth/register", new { username = "Cu.Tri-Hue", displayName = "Nguyễn Thị Hoa", password = Password });

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(me.GetProperty("signedIn").GetBoolean());
        Assert.Equal("Nguyễn Thị Hoa", me.GetProperty("name").GetString());
        Assert.Empty(me.GetProperty("grants").EnumerateArray());
        Assert.True(await Session.SignedInAsync(http));

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(http, "/api/auth/sign-out")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(http, "cu.tri-hue", Password)).Status);
    }

    [Fact]
    public async Task A_username_taken_in_another_case_or_normal_form_is_a_conflict()
    {
        using var http = Node.Anonymous();
        var nfc = "nguyễn.hoa";
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, "/api/auth/register", new { username = nfc, displayName = "Hoa", password = Password })).Status);

        using var other = Node.Anonymous();
        var (status, body) = await PostAsync(other, "/api/auth/register",
            new { username = nfc.ToUpperInvariant().Normalize(NormalizationForm.FormD), displayName = "Hoa khác", password = Password });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("username_taken", body.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(other));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(other, "/api/auth/register", new { username = "chair.na", displayName = "Giả mạo", password = Password })).Status);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("hoa\u200Bsen")]
    [InlineData("hoa\u202Esen")]
    [InlineData("\u0441hair.na")]
    [InlineData("hoa sen")]
    [InlineData(".hoa")]
    [InlineData("hoa@sen")]
    [InlineData("mot-ten-dang-nhap-dai-hon-ba-muoi-hai")]
    public async Task An_invalid_username_is_refused_and_creates_nothing(string username)
    {
        using var http = Node.Anonymous();
        var (status, body) = await PostAsync(http, "/api/auth/register", new { username, displayName = "Hoa", password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("username_invalid", body.GetProperty("code").GetString());
        Assert.False(await Session.SignedInAsync(http));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, username, Password)).Status);
    }

    [Theory]
    [InlineData("ngan", "password_weak")]
    [InlineData("aaaaaaaaaaaa", "password_weak")]
    [InlineData("xx-cu.tri.moi-xx", "password_weak")]
    public async Task A_weak_password_is_refused(string password, string code)
    {
        using var http = Node.Anonymous();
        var (status, body) = await PostAsync(http, "/api/auth/register", new { username = "cu.tri.moi", displayName = "Hoa", password });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_display_name_with_invisible_formatting_is_refused()
    {
        using var http = Node.Anonymous();
        var (status, body) = await PostAsync(http, "/api/auth/register", new { username = "cu.tri.moi", displayName = "Hoa\u202Ethuong", password = Password });

        // Refused at the edge, like every name with direction controls, before registration reads it.
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_request", body.GetProperty("code").GetString());
        Assert.Contains("displayName", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The registration rate limit, per client address.</summary>
public sealed class RegistrationRateLimitTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--RateLimits:RegistrationsPerHour=2"];

    [Fact]
    public async Task Registrations_past_the_hourly_limit_are_refused_and_create_nothing()
    {
        using var http = Node.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(http, "/api/auth/register", new { username = $"cu.tri.{i}", displayName = "Hoa", password = "hoa sen nở muộn" })).Status);
        }

        var (status, body) = await PostAsync(http, "/api/auth/register", new { username = "cu.tri.2", displayName = "Hoa", password = "hoa sen nở muộn" });
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("rate_limited", body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(http, "cu.tri.2", "hoa sen nở muộn")).Status);
    }
}
