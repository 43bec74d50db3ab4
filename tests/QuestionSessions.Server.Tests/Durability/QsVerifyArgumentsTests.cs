using QuestionSessions.Cli;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary><c>qs</c> refuses what it cannot run (exit 2) and reports a store it cannot reach (exit 1), never a crash.</summary>
public sealed class QsVerifyArgumentsTests
{
    // Arguments joined with '|' (attributes cannot hold string arrays as object arguments).
    [Theory]
    [InlineData("")]
    [InlineData("vreify")]
    [InlineData("verify|--bogus")]
    [InlineData("verify|--provider")]
    [InlineData("verify|--provider|Sqlite|--connection")]
    [InlineData("verify|--provider|Oracle|--connection|Data Source=x.db")]
    [InlineData("verify|--provider|Sqlite|--connection|not a connection string")]
    [InlineData("verify|--provider|Sqlite|--connection|Colour=blue")]
    [InlineData("verify|--provider|Postgres|--connection|not a connection string")]
    public async Task Bad_arguments_exit_2_with_a_message(string joined)
    {
        var (exit, output, error) = await RunAsync(joined.Split('|', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(exit == CliApp.Usage, $"Exit {exit}:\n{output}\n{error}");
        Assert.Contains("qs", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_an_unreachable_PostgreSQL_exits_1_and_names_the_server()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var (exit, output, error) = await RunAsync(
            ["verify", "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Database=qs;Timeout=5"]);

        Assert.True(exit == CliApp.Failed, $"Exit {exit}:\n{output}\n{error}");
        Assert.Empty(output);
        Assert.Contains("qs: cannot read the Postgres store", error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
