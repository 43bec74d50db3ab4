using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>
/// Who may administer: a system administrator anywhere, a body's administrator in that body only, nobody else.
/// Every refusal is a problem with a code, and writes nothing.
/// </summary>
public sealed class AdminAccessTests : IAsyncLifetime
{
    private const string Password = "Mật-khẩu-đủ-dài-2026";

    private readonly SqliteTestStore _store = new();
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store);

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
    }

    private static readonly (string Path, object Body)[] Writes =
    [
        ("/api/admin/bodies", new { bodyId = "pc-hue-phu-xuan", kind = "communeCouncil", name = "Hội đồng nhân dân phường Phú Xuân", parentBodyId = "pc-hue" }),
        ("/api/admin/bodies/pc-hue/term", new { term = "2026–2031", startsOn = "2026-06-01" }),
        ("/api/admin/bodies/pc-hue/members", new { memberId = "hue-d-100", name = "Nguyễn Văn Mới", group = "Tổ đại biểu phường Phú Xuân" }),
        ("/api/admin/bodies/pc-hue/agencies", new { agencyId = "hue-a-transport", name = "Sở Giao thông", nameEn = "Department of Transport" }),
        ("/api/admin/bodies/pc-hue/officials", new { officialId = "hue-o-new", name = "Trần Thị Mới", office = "Giám đốc Sở Y tế", agencyId = "hue-a-health" }),
        ("/api/admin/bodies/pc-hue/sessions", new { number = 9, opensOn = "2030-12-01" }),
        ("/api/admin/bodies/pc-hue/rules-profiles", new
        {
            name = "HĐND Huế 2027", effectiveFrom = "2027-01-01", openingLimit = "00:05:00", questionLimit = "00:01:00", answerLimit = "00:03:00",
            debateLimit = "00:01:00", clarificationLimit = "00:03:00", closingLimit = "00:10:00", callBatchSize = 3, writtenAnswerDays = 20, source = "Thử",
        }),
        ("/api/admin/bodies/pc-hue/grants", new { username = "voter", role = "secretariat" }),
        ("/api/admin/bodies/pc-hue/grants/revocation", new { userId = "x", role = "chair", reason = "Thử" }),
    ];

    [Fact]
    public async Task Admin_writes_refuse_anonymous_callers_voters_and_chairs()
    {
        using var anonymous = _node.Anonymous();
        using var voter = await _node.SignInAsync("voter");
        using var chair = await _node.SignInAsync("chair.hue");
        foreach (var (path, body) in Writes)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, path, body)).Status);
            foreach (var caller in new[] { voter.Http, chair.Http })
            {
                var refused = await PostAsync(caller, path, body);
                Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{path}: {(int)refused.Status} {refused.Body}");
                Assert.Equal("admin_required", refused.Body.GetProperty("code").GetString());
            }
        }

        Assert.DoesNotContain((await GetAsync(anonymous, "/api/bodies/pc-hue/grants?history=true")).EnumerateArray(),
            g => g.GetProperty("grantedBy").GetProperty("userId").GetString() != "system");
    }

    [Fact]
    public async Task Accounts_are_created_and_listed_by_administrators_only()
    {
        using var anonymous = _node.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, "/api/admin/accounts", new { username = "x.y", displayName = "X" })).Status);
        using var voter = await _node.SignInAsync("voter");
        var refused = await PostAsync(voter.Http, "/api/admin/accounts", new { username = "x.y", displayName = "X" });
        Assert.Equal((HttpStatusCode.Forbidden, "admin_required"), (refused.Status, refused.Body.GetProperty("code").GetString()));
        using var listed = await voter.Http.GetAsync("/api/admin/accounts", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, listed.StatusCode);

        using var admin = await _node.SignInAsync("admin");
        var weak = await PostAsync(admin.Http, "/api/admin/accounts", new { username = "x.y", displayName = "X", password = "ngan" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "password_weak"), (weak.Status, weak.Body.GetProperty("code").GetString()));
        var oneTime = await PostAsync(admin.Http, "/api/admin/accounts", new { username = "thu.ky.hue", displayName = "Lê Thị Thư" });
        Assert.Equal(HttpStatusCode.OK, oneTime.Status);
        var shown = oneTime.Body.GetProperty("oneTimePassword").GetString()!;
        Assert.True(shown.Length >= 12);
        using var signedIn = await AdminClient.SignInAsync(_node.Address, "thu.ky.hue", shown);
        var taken = await PostAsync(admin.Http, "/api/admin/accounts", new { username = "Thu.Ky.Hue", displayName = "Khác", password = Password });
        Assert.Equal((HttpStatusCode.Conflict, "username_taken"), (taken.Status, taken.Body.GetProperty("code").GetString()));
        var accounts = await GetAsync(admin.Http, "/api/admin/accounts");
        Assert.Contains(accounts.EnumerateArray(), a => a.GetProperty("username").GetString() == "thu.ky.hue");
        Assert.DoesNotContain("passwordHash", accounts.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_administrator_administers_its_body_and_is_refused_elsewhere()
    {
        using var admin = await _node.SignInAsync("admin");
        await AdminClient.CreateAccountAsync(admin.Http, "quantri.hue", "Quản trị HĐND Huế", Password);
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants", new { username = "quantri.hue", role = "admin" }));

        using var hueAdmin = await AdminClient.SignInAsync(_node.Address, "quantri.hue", Password);
        AcceptedVersion(await PostAsync(hueAdmin, "/api/admin/bodies/pc-hue/members", new { memberId = "hue-d-100", name = "Nguyễn Văn Mới", group = "Tổ đại biểu phường Phú Xuân" }));
        AcceptedVersion(await PostAsync(hueAdmin, "/api/admin/bodies/pc-hue/grants", new { username = "voter", role = "supervisor" }));

        foreach (var (path, body) in new (string, object)[]
        {
            ("/api/admin/bodies/na/members", new { memberId = "na-d-100", name = "Ngoài phạm vi", group = "Đoàn ĐBQH Huế" }),
            ("/api/admin/bodies/na/grants", new { username = "voter", role = "secretariat" }),
            ("/api/admin/bodies/pc-hue-thuan-hoa/grants", new { username = "voter", role = "secretariat" }),
            ("/api/admin/bodies/*/grants", new { username = "voter", role = "admin" }),
            ("/api/admin/bodies", new { bodyId = "pc-hue-phu-xuan", kind = "communeCouncil", name = "Hội đồng nhân dân phường Phú Xuân", parentBodyId = "pc-hue" }),
        })
        {
            var refused = await PostAsync(hueAdmin, path, body);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{path}: {(int)refused.Status} {refused.Body}");
            Assert.Equal("admin_required", refused.Body.GetProperty("code").GetString());
        }

        using var anonymous = _node.Anonymous();
        var na = await GetAsync(anonymous, "/api/bodies/na");
        Assert.DoesNotContain(na.GetProperty("members").EnumerateArray(), m => m.GetProperty("memberId").GetString() == "na-d-100");
    }

    [Fact]
    public async Task Grants_and_revocations_are_public_history_and_take_effect_at_the_next_sign_in()
    {
        using var admin = await _node.SignInAsync("admin");
        await AdminClient.CreateAccountAsync(admin.Http, "thuky.hue", "Hoàng Thư Ký", Password);
        var missing = await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants", new { username = "nobody", role = "secretariat" });
        Assert.Equal((HttpStatusCode.NotFound, "account_not_found"), (missing.Status, missing.Body.GetProperty("code").GetString()));
        var deputy = await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants", new { username = "thuky.hue", role = "deputy", personId = "hue-d-999" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "member_not_found"), (deputy.Status, deputy.Body.GetProperty("code").GetString()));
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants", new { username = "thuky.hue", role = "secretariat" }));

        using (var secretary = await AdminClient.SignInAsync(_node.Address, "thuky.hue", Password))
        {
            var me = await GetAsync(secretary, "/api/auth/me");
            Assert.Equal("pc-hue", Assert.Single(me.GetProperty("grants").EnumerateArray()).GetProperty("bodyId").GetString());
        }

        using var anonymous = _node.Anonymous();
        var held = (await GetAsync(anonymous, "/api/bodies/pc-hue/grants")).EnumerateArray().Single(g => g.GetProperty("displayName").GetString() == "Hoàng Thư Ký");
        var userId = held.GetProperty("userId").GetString();
        var adminId = (await GetAsync(admin.Http, "/api/auth/me")).GetProperty("userId").GetString();
        Assert.Equal(("secretariat", adminId), (held.GetProperty("role").GetString(), held.GetProperty("grantedBy").GetProperty("userId").GetString()));

        var noReason = await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants/revocation", new { userId, role = "secretariat", reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        AcceptedVersion(await PostAsync(admin.Http, "/api/admin/bodies/pc-hue/grants/revocation", new { userId, role = "secretariat", reason = "Chuyển công tác" }));

        Assert.DoesNotContain((await GetAsync(anonymous, "/api/bodies/pc-hue/grants")).EnumerateArray(), g => g.GetProperty("userId").GetString() == userId);
        var history = (await GetAsync(anonymous, "/api/bodies/pc-hue/grants?history=true")).EnumerateArray().Single(g => g.GetProperty("userId").GetString() == userId);
        Assert.Equal("Chuyển công tác", history.GetProperty("revokedReason").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, history.GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain("thuky.hue", (await GetAsync(anonymous, "/api/bodies/pc-hue/grants?history=true")).GetRawText(), StringComparison.Ordinal);

        using var again = await AdminClient.SignInAsync(_node.Address, "thuky.hue", Password);
        Assert.Empty((await GetAsync(again, "/api/auth/me")).GetProperty("grants").EnumerateArray());
    }
}
