using System.Text;
using QuestionSessions.Cli;
using QuestionSessions.Domain.Places;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Administration.AdminClient;

namespace QuestionSessions.Server.Tests.Administration;

/// <summary>
/// <c>qs import units</c> and <c>qs import members</c> on an empty database: the shipped samples import once however
/// often they are run; a file the size of the official list (about 3,300 units) imports whole, or, with one bad
/// line, not at all unless <c>--skip-bad</c>.
/// </summary>
public sealed class QsImportUnitsTests : IDisposable
{
    private const string Header = "unit_id,kind,name,name_en,parent_id";

    private readonly SqliteTestStore _store = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-units-").FullName;

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string[] Store() => ["--provider", "Sqlite", "--connection", _store.Store.ConnectionString];

    [Fact]
    public async Task The_sample_units_and_members_import_once_however_often_they_are_imported()
    {
        var units = Sample("units.csv");
        var first = await QsAsync(["import", "units", units, .. Store()]);
        Assert.True(first.Exit == CliApp.Ok, first.Error);
        Assert.Contains("established 14 bodies (0 already there, 0 bad rows skipped)", first.Output, StringComparison.Ordinal);
        var again = await QsAsync(["import", "units", units, .. Store()]);
        Assert.Contains("established 0 bodies (14 already there", again.Output, StringComparison.Ordinal);

        var members = await QsAsync(["import", "members", Sample("members.csv"), .. Store()]);
        Assert.True(members.Exit == CliApp.Ok, members.Error);
        Assert.Contains("seated 5 members (0 already there", members.Output, StringComparison.Ordinal);
        Assert.Contains("seated 0 members (5 already there", (await QsAsync(["import", "members", Sample("members.csv"), .. Store()])).Output, StringComparison.Ordinal);

        var officials = await QsAsync(["import", "officials", Sample("officials.csv"), .. Store()]);
        Assert.True(officials.Exit == CliApp.Ok, officials.Error);
        Assert.Contains("appointed 5 officials (0 already there", officials.Output, StringComparison.Ordinal);
        Assert.Contains("appointed 0 officials (5 already there", (await QsAsync(["import", "officials", Sample("officials.csv"), .. Store()])).Output, StringComparison.Ordinal);

        var bodies = await BodiesAsync();
        Assert.Equal(14, bodies.Count);
        Assert.Equal(2, bodies.Single(b => b.BodyId == "pc-hue").Officials);
        var ward = bodies.Single(b => b.BodyId == "pc-hue-thuan-hoa");
        Assert.Equal(("Hội đồng nhân dân phường Thuận Hóa", "pc-hue", 1), (ward.Name, ward.ParentBodyId, ward.Members));
        Assert.Equal(("Hội đồng nhân dân thành phố Huế", 2), (bodies.Single(b => b.BodyId == "pc-hue").Name, bodies.Single(b => b.BodyId == "pc-hue").Members));
        Assert.Equal("na", bodies[0].BodyId);
        Assert.Equal(CliApp.Ok, (await QsAsync(["verify", .. Store()])).Exit);
    }

    [Fact]
    public async Task Bad_unit_and_member_rows_are_named_by_line_and_stop_the_file_unless_skipped()
    {
        var path = await WriteAsync("units.csv",
        [
            "hue,province,Thành phố Huế,Hue City,",
            "atlantis,province,Tỉnh Atlantis,Atlantis,",
            "thuan-hoa,commune,Phường Thuận Hóa,Thuan Hoa Ward,hue",
            "kim-long,commune,Phường Kim Long,Kim Long Ward,da-nang",
            "Kim Long,commune,Phường Kim Long,Kim Long Ward,hue",
            "vy-da,ward,Phường Vỹ Dạ,Vy Da Ward,hue",
            "thuan-hoa,commune,Phường Thuận Hóa lặp,Thuan Hoa Ward,hue",
            "na,na,Quốc hội,National Assembly,hue",
        ]);

        var (exit, output, error) = await QsAsync(["import", "units", path, .. Store()]);
        Assert.Equal(CliApp.Failed, exit);
        Assert.Equal("", output);
        foreach (var line in new[] { 3, 5, 6, 7, 8, 9 })
        {
            Assert.Contains($"units.csv:{line}: ", error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("units.csv:2: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("units.csv:4: ", error, StringComparison.Ordinal);
        Assert.Contains("units.csv:5: The parent 'da-nang' is neither a province of this file nor a body of this server.", error, StringComparison.Ordinal);
        Assert.Empty(await BodiesAsync());

        var skipped = await QsAsync(["import", "units", path, "--skip-bad", .. Store()]);
        Assert.Contains("established 2 bodies (0 already there, 6 bad rows skipped)", skipped.Output, StringComparison.Ordinal);

        var members = await WriteAsync("members.csv",
        [
            "pc-hue,hue-d-001,Tôn Nữ Thanh Tâm,delegate,Tổ đại biểu phường Thuận Hóa",
            "pc-hue,hue-d-002,Hồ Văn Lộc,deputy,",
            "pc-nowhere,x-1,Không Ai,delegate,",
            "pc-hue,hue d 3,Tên,delegate,",
        ], "body_id,member_id,name,role,group");
        var refused = await QsAsync(["import", "members", members, .. Store()]);
        Assert.Equal(CliApp.Failed, refused.Exit);
        Assert.Contains("members.csv:3: role 'deputy' must be 'delegate' in pc-hue.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("members.csv:4: body_id 'pc-nowhere'", refused.Error, StringComparison.Ordinal);
        Assert.Contains("members.csv:5: ", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await BodiesAsync()).Single(b => b.BodyId == "pc-hue").Members);

        var officials = await WriteAsync("officials.csv",
        [
            "pc-hue,hue-o-health,Lê Văn Hải,Giám đốc Sở Y tế,hue-a-health,Sở Y tế,Department of Health",
            "pc-hue,hue-o-x,Không Tên,,,,",
            "pc-hue,hue-o-y,Tên,Chức vụ,hue a,,",
        ], "body_id,official_id,name,office,agency_id,agency_name,agency_name_en");
        var refusedOfficials = await QsAsync(["import", "officials", officials, .. Store()]);
        Assert.Equal(CliApp.Failed, refusedOfficials.Exit);
        Assert.Contains("officials.csv:3: ", refusedOfficials.Error, StringComparison.Ordinal);
        Assert.Contains("officials.csv:4: ", refusedOfficials.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("officials.csv:2: ", refusedOfficials.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_list_of_about_3300_units_imports_whole_or_not_at_all()
    {
        const int Communes = 3_300;
        var rows = new List<string> { "na,na,Quốc hội,National Assembly," };
        rows.AddRange(Provinces.All.Select(p => $"{p.ProvinceId},province,{(p.IsCity ? "Thành phố" : "Tỉnh")} {p.Name},{p.NameEn},"));
        rows.AddRange(Enumerable.Range(1, Communes).Select(i =>
            $"xa-{i:0000},commune,{(i % 4 == 0 ? "Phường" : "Xã")} Số {i},Commune {i},{Provinces.All[i % Provinces.All.Count].ProvinceId}"));
        var badLine = 2 + rows.Count - 1 - 1234; // a line in the middle of the communes
        rows[badLine - 2] = "xa-bad,commune,Xã Không Có Tỉnh,Nowhere,atlantis";
        var path = await WriteAsync("units.csv", rows);

        var refused = await QsAsync(["import", "units", path, .. Store()]);
        Assert.Equal(CliApp.Failed, refused.Exit);
        Assert.Contains($"units.csv:{badLine}: parent_id 'atlantis' is not one of the 34 provinces.", refused.Error, StringComparison.Ordinal);
        Assert.Contains("1 bad rows; nothing imported", refused.Error, StringComparison.Ordinal);
        Assert.Empty(await BodiesAsync());

        var imported = await QsAsync(["import", "units", path, "--skip-bad", .. Store()]);
        Assert.True(imported.Exit == CliApp.Ok, imported.Error);
        Assert.Contains($"established {1 + 34 + Communes - 1} bodies (0 already there, 1 bad rows skipped)", imported.Output, StringComparison.Ordinal);
        var bodies = await BodiesAsync();
        Assert.Equal(1 + 34 + Communes - 1, bodies.Count);
        Assert.Equal(Communes - 1, bodies.Count(b => b.ParentBodyId is not null));
    }

    private async Task<IReadOnlyList<BodySummary>> BodiesAsync()
    {
        await using var store = EventStoreFactory.Create(_store.Store.Provider, _store.Store.ConnectionString, TimeProvider.System);
        return await BodyDirectory.ListAsync(store, TestContext.Current.CancellationToken);
    }

    private async Task<string> WriteAsync(string name, IEnumerable<string> rows, string header = Header)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, string.Join('\n', rows.Prepend(header)) + "\n", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        return path;
    }

    /// <summary>A file of docs/samples, found from the test's folder up to the repository.</summary>
    private static string Sample(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "docs", "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"docs/samples/{name} not found above {AppContext.BaseDirectory}.");
    }
}
