using System.Text;
using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Petitions;

/// <summary>
/// <c>qs import petitions</c> on the server's database while it runs: good files are filed as the server files
/// petitions (list, search, chain); a bad row is named by its line and stops the whole file unless
/// <c>--skip-bad</c>; importing the same file again files nothing twice.
/// </summary>
public sealed class QsImportTests : IAsyncLifetime
{
    private const string Header = "ref,body_id,field,title,text,supporters,province_id,commune";

    // The demo's own petitions to the National Assembly.
    private const int Demo = 3;

    private readonly SqliteTestStore _store = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-import-").FullName;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store);

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_good_file_is_filed_once_however_often_it_is_imported()
    {
        var rows = Enumerable.Range(1, 300).Select(i =>
            $"KN-{i:000},na,{(i % 2 == 0 ? "land" : "Health")},\"Kiến nghị số {i}: đất đai, y tế\",\"Cử tri tỉnh {i} đề nghị, \"\"khẩn\"\"\",{i},{(i % 3 == 0 ? "ho-chi-minh" : "hue")},{(i % 5 == 0 ? "" : "Phường Thuận Hóa")}");
        var path = await WriteAsync("good.csv", rows);

        var (exit, output, error) = await RunAsync(["import", "petitions", path, .. Store()]);
        Assert.True(exit == CliApp.Ok, error);
        Assert.Contains("filed 300 petitions (0 already there, 0 bad rows skipped)", output, StringComparison.Ordinal);

        using var http = _node.Anonymous();
        var list = await GetAsync(http, "/api/petitions?body=na&limit=200");
        Assert.Equal(300 + Demo, list.GetProperty("total").GetInt32());
        var hcm = await GetAsync(http, "/api/petitions?body=na&province=hue&field=health");
        Assert.Equal(100 + 1, hcm.GetProperty("total").GetInt32()); // odd rows not divisible by 3, and the demo's Huế health petition
        var all = (await GetAsync(http, "/api/petitions?body=na&limit=200")).GetProperty("items").EnumerateArray()
            .Concat((await GetAsync(http, "/api/petitions?body=na&limit=200&offset=200")).GetProperty("items").EnumerateArray())
            .Where(p => p.GetProperty("channel").GetString() == "import").ToList();
        Assert.Equal(300, all.Select(p => p.GetProperty("code").GetString()).Distinct().Count());
        var first = all.Single(p => p.GetProperty("title").GetString() == "Kiến nghị số 7: đất đai, y tế");
        Assert.Equal("import", first.GetProperty("channel").GetString());
        Assert.Equal(7, first.GetProperty("supporters").GetInt32());
        var detail = await GetAsync(http, $"/api/petitions/{first.GetProperty("petitionId").GetGuid()}");
        Assert.Equal("Cử tri tỉnh 7 đề nghị, \"khẩn\"", detail.GetProperty("sources")[0].GetProperty("text").GetString());
        var search = await GetAsync(http, "/api/search?q=kien%20nghi%20so%207%20dat&kind=petition");
        Assert.Equal(first.GetProperty("petitionId").GetGuid().ToString(), search.GetProperty("items")[0].GetProperty("id").GetString());

        var again = await RunAsync(["import", "petitions", path, .. Store()]);
        Assert.Equal(CliApp.Ok, again.Exit);
        Assert.Contains("filed 0 petitions (300 already there", again.Output, StringComparison.Ordinal);
        Assert.Equal(300 + Demo, (await GetAsync(http, "/api/petitions?body=na")).GetProperty("total").GetInt32());

        var verify = await RunAsync(["verify", .. Store()]);
        Assert.True(verify.Exit == CliApp.Ok, verify.Error + verify.Output);
    }

    [Fact]
    public async Task Bad_rows_are_named_by_line_and_stop_the_file_unless_skipped()
    {
        var path = await WriteAsync("bad.csv",
        [
            "A1,na,land,Đất đai,Nội dung,3,hue,",
            "A2,pc-nowhere,land,Đất đai,Nội dung,3,hue,",
            "A3,na,weather,Đất đai,Nội dung,3,hue,",
            "A4,na,land,Đất đai,Nội dung,-3,hue,",
            "A5,na,land,Đất đai,Nội dung,3,atlantis,",
            "A6,na,land,,Nội dung,3,hue,",
            "A7,na,land,Đất đai,Nội dung,3",
            "A1,na,land,Đất đai lặp,Nội dung,3,hue,",
            "A8,na,land,\"Đất \"\"đai\" sai,Nội dung,3,hue,",
            "A9,na,environment,Ô nhiễm,\"Nước thải\nkhu công nghiệp\",12,da-nang,Phường Hải Châu",
        ]);

        var (exit, output, error) = await RunAsync(["import", "petitions", path, .. Store()]);
        Assert.Equal(CliApp.Failed, exit);
        Assert.Equal("", output);
        foreach (var line in new[] { 3, 4, 5, 6, 7, 8, 9, 10 })
        {
            Assert.Contains($"bad.csv:{line}: ", error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("bad.csv:2: ", error, StringComparison.Ordinal);
        Assert.Contains("pc-nowhere", error, StringComparison.Ordinal);
        Assert.Contains("nothing imported", error, StringComparison.Ordinal);
        using var http = _node.Anonymous();
        Assert.Equal(Demo, (await GetAsync(http, "/api/petitions?body=na")).GetProperty("total").GetInt32());

        var skipped = await RunAsync(["import", "petitions", path, "--skip-bad", .. Store()]);
        Assert.Equal(CliApp.Ok, skipped.Exit);
        Assert.Contains("filed 2 petitions (0 already there, 8 bad rows skipped)", skipped.Output, StringComparison.Ordinal);
        var titles = (await GetAsync(http, "/api/petitions?body=na")).GetProperty("items").EnumerateArray()
            .Where(p => p.GetProperty("channel").GetString() == "import").Select(p => p.GetProperty("title").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["Ô nhiễm", "Đất đai"], titles);
    }

    [Fact]
    public async Task A_file_without_the_header_or_a_missing_file_imports_nothing()
    {
        var path = Path.Combine(_folder, "noheader.csv");
        await File.WriteAllTextAsync(path, "A1,na,land,Đất đai,Nội dung,3,hue,\n", TestContext.Current.CancellationToken);
        var (exit, _, error) = await RunAsync(["import", "petitions", path, .. Store()]);
        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains("noheader.csv:1: The first line must be the header", error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, (await RunAsync(["import", "petitions", Path.Combine(_folder, "none.csv"), .. Store()])).Exit);
        Assert.Equal(CliApp.Usage, (await RunAsync(["import", "meetings", path])).Exit);
        Assert.Equal(CliApp.Usage, (await RunAsync(["import", "petitions", path, "--parallel", "0"])).Exit);
    }

    private string[] Store() => ["--provider", "Sqlite", "--connection", _store.Store.ConnectionString];

    private async Task<string> WriteAsync(string name, IEnumerable<string> rows)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, string.Join('\n', rows.Prepend(Header)) + "\n", new UTF8Encoding(false), TestContext.Current.CancellationToken);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
