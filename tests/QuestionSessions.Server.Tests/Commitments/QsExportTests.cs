using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>
/// <c>qs export commitments</c> on the server's database while it runs: the file is the server's CSV export
/// byte for byte; a bad option is a usage error and a file that cannot be written leaves nothing behind.
/// </summary>
public sealed class QsExportTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-export-").FullName;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store);

    [Fact]
    public async Task The_exported_file_is_the_servers_csv_and_the_progress_goes_to_standard_error()
    {
        using var http = _node.Anonymous();
        // Huế's six and the two clauses of the National Assembly's demo resolution.
        await Ledger.Eventually(http, "/api/commitments", p => p.GetProperty("total").GetInt32() == 8);
        var path = Path.Combine(_folder, "ledger.csv");

        var (exit, output, error) = await RunAsync(["export", "commitments", "--out", path, "--provider", "Sqlite", "--connection", _store.Store.ConnectionString]);

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal("", output);
        Assert.Contains("exported 8 commitments", error, StringComparison.Ordinal);
        var served = await http.GetStringAsync("/api/commitments/export.csv", TestContext.Current.CancellationToken);
        Assert.Equal(served, await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(9, served.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // To standard output when no file is named.
        var (toStdout, csv, _) = await RunAsync(["export", "commitments", "--provider", "Sqlite", "--connection", _store.Store.ConnectionString]);
        Assert.Equal(CliApp.Ok, toStdout);
        Assert.Equal(served, csv);
    }

    [Fact]
    public async Task Bad_options_are_usage_errors_and_an_unwritable_file_leaves_nothing()
    {
        Assert.Equal(CliApp.Usage, (await RunAsync(["export"])).Exit);
        Assert.Equal(CliApp.Usage, (await RunAsync(["export", "petitions"])).Exit);
        Assert.Equal(CliApp.Usage, (await RunAsync(["export", "commitments", "--out"])).Exit);
        Assert.Equal(CliApp.Usage, (await RunAsync(["export", "commitments", "--bogus", "x"])).Exit);
        Assert.Equal(CliApp.Usage, (await RunAsync(["export", "commitments", "--provider", "Oracle", "--connection", "x"])).Exit);

        var nowhere = Path.Combine(_folder, "missing-folder", "ledger.csv");
        var (exit, _, error) = await RunAsync(["export", "commitments", "--out", nowhere, "--provider", "Sqlite", "--connection", _store.Store.ConnectionString]);
        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains("cannot write", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(nowhere)));
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
