using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Hosting;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Administration.AdminClient;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Accounts;

/// <summary>One password rule on every path that sets a password, and one form (NFC) in which passwords are hashed and compared.</summary>
public sealed class PasswordPolicyTests : SqliteNodeTest
{
    private const string Username = "ho.ten.moi";

    // Twelve letters as a person sees them; typed with combining marks it is seventeen UTF-16 code units.
    private const string TwelveLetters = "Hồ Gươm xanh";

    [Theory]
    [InlineData("Hồ Gươm xan")]
    [InlineData("            ")]
    [InlineData("\u00A0\u2003\u00A0\u2003\u00A0\u2003\u00A0\u2003\u00A0\u2003\u00A0\u2003")]
    [InlineData("sông Hương\txanh")]
    [InlineData("sông Hương xanh\u0000")]
    [InlineData("sông Hương\u0085xanh")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("Ho.Ten.Moi-2026!")]
    public async Task Every_path_that_sets_a_password_refuses_the_same_weak_one_and_creates_nothing(string password)
    {
        // Decomposed, as some keyboards type it: the rule counts what a person sees, so this changes no answer.
        var typed = password.Normalize(NormalizationForm.FormD);
        using var voter = Node.Anonymous();
        var registered = await PostAsync(voter, "/api/auth/register", new { username = Username, displayName = "Người mới", password = typed });
        Assert.Equal((HttpStatusCode.BadRequest, "password_weak"), (registered.Status, registered.Body.GetProperty("code").GetString()));

        using var admin = await Node.SignInAsync("admin");
        var created = await PostAsync(admin.Http, "/api/admin/accounts", new { username = Username, displayName = "Người mới", password = typed });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "password_weak"), (created.Status, created.Body.GetProperty("code").GetString()));

        var qs = await QsAsync(["admin", "create", "--username", Username, "--name", "Người mới", "--password-stdin", .. Store()], typed + "\n");
        Assert.Equal(Cli.CliApp.Failed, qs.Exit);
        Assert.Contains("Nothing created", qs.Error, StringComparison.Ordinal);

        Assert.DoesNotContain((await GetAsync(admin.Http, "/api/admin/accounts")).EnumerateArray(), a => a.GetProperty("username").GetString() == Username);
    }

    [Fact]
    public async Task Twelve_letters_typed_with_combining_marks_are_long_enough_on_every_path()
    {
        var typed = TwelveLetters.Normalize(NormalizationForm.FormD);
        using var voter = Node.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(voter, "/api/auth/register", new { username = "cu.tri.a", displayName = "Cử tri", password = typed })).Status);
        using var admin = await Node.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin.Http, "/api/admin/accounts", new { username = "thu.ky.b", displayName = "Thư ký", password = typed })).Status);
        var qs = await QsAsync(["admin", "create", "--username", "quan.tri.c", "--name", "Quản trị", "--password-stdin", .. Store()], typed + "\n");
        Assert.True(qs.Exit == Cli.CliApp.Ok, qs.Error);
    }

    [Theory]
    [InlineData(NormalizationForm.FormC, NormalizationForm.FormD)]
    [InlineData(NormalizationForm.FormD, NormalizationForm.FormC)]
    public async Task A_vietnamese_password_set_on_one_keyboard_signs_in_from_another(NormalizationForm set, NormalizationForm typed)
    {
        const string password = "Sông Hương mùa thu";
        using var voter = Node.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(voter, "/api/auth/register", new { username = "cu.tri.hue", displayName = "Cử tri", password = password.Normalize(set) })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(voter, "/api/auth/sign-out")).Status);

        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(voter, "cu.tri.hue", password.Normalize(typed))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Session.SignInAsync(voter, "cu.tri.hue", "Sông Hương mùa thư")).Status);
    }

    [Fact]
    public async Task A_hash_of_a_password_stored_as_typed_before_normalisation_still_signs_in_and_then_in_either_form()
    {
        const string password = "Sông Hương mùa thu";
        var decomposed = password.Normalize(NormalizationForm.FormD);
        using var voter = Node.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(voter, "/api/auth/register", new { username = "cu.tri.cu", displayName = "Cử tri", password })).Status);
        // What an older server stored: the hash of the decomposed text exactly as it arrived.
        var hasher = new PasswordHasher<Account>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        await ExecuteAsync("UPDATE accounts SET password_hash = @hash WHERE username = 'cu.tri.cu'", ("hash", hasher.HashPassword(new Account("", "", "", "", []), decomposed)));

        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(voter, "cu.tri.cu", decomposed)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(voter, "cu.tri.cu", password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Session.SignInAsync(voter, "cu.tri.cu", decomposed)).Status);
    }

    [Fact]
    public void The_rule_counts_letters_as_seen_and_names_each_reason()
    {
        Assert.Null(PasswordRules.Problem(Username, TwelveLetters.Normalize(NormalizationForm.FormD)));
        Assert.Contains("12", PasswordRules.Problem(Username, "Hồ Gươm xan".Normalize(NormalizationForm.FormD)), StringComparison.Ordinal);
        Assert.Contains("control", PasswordRules.Problem(Username, "sông Hương\nxanh"), StringComparison.Ordinal);
        Assert.Contains("spaces", PasswordRules.Problem(Username, new string(' ', 20)), StringComparison.Ordinal);
        Assert.Contains("username", PasswordRules.Problem(" HO.TEN.MOI ", "mật khẩu ho.ten.moi"), StringComparison.Ordinal);
        Assert.Contains("different", PasswordRules.Problem(Username, "ababababababab"), StringComparison.Ordinal);
    }

    private string[] Store() =>
        ["--provider", "Sqlite", "--connection", Node.Services.GetRequiredService<IConfiguration>()["Storage:ConnectionString"]!];

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        var store = Node.Services.GetRequiredService<IEventStore>();
        await using var connection = await store.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = Sql.Command(connection, null, sql, parameters);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
