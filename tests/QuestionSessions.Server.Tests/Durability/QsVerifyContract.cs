using System.Data.Common;
using QuestionSessions.Cli;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary>
/// <c>qs verify</c> run in-process over a store a real node wrote (the demo seed and an opened sitting):
/// it passes an intact store, and names the stream and version of a row altered behind its back.
/// Run on each provider.
/// </summary>
public abstract class QsVerifyContract
{
    /// <summary>This test's own database; created per test.</summary>
    private protected abstract TestStore Store { get; }

    /// <summary>A store of the same provider that does not exist.</summary>
    private protected abstract string MissingStore { get; }

    private protected abstract DbConnection Connect(string connectionString);

    [Fact]
    public async Task Verify_of_an_intact_store_exits_0_and_says_OK()
    {
        await WriteSittingAsync();

        var (exit, output, error) = await VerifyAsync(Store.ConnectionString);

        Assert.True(exit == CliApp.Ok, $"Exit {exit}:\n{output}\n{error}");
        Assert.StartsWith("OK:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("BROKEN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_stream_and_version_of_an_altered_event()
    {
        await WriteSittingAsync();
        var stream = $"sitting/{DemoSitting}";
        await using (var connection = Connect(Store.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var update = connection.CreateCommand();
            // Version 2 is the first demo slip, filed by na-d-001: put it in another deputy's name.
            update.CommandText = """
                UPDATE events SET data = replace(data, 'na-d-001', 'na-d-002')
                WHERE stream_id = @stream AND version = 2 AND data LIKE '%na-d-001%'
                """;
            var parameter = update.CreateParameter();
            parameter.ParameterName = "stream";
            parameter.Value = stream;
            update.Parameters.Add(parameter);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var (exit, output, error) = await VerifyAsync(Store.ConnectionString);

        Assert.True(exit == CliApp.Failed, $"Exit {exit}:\n{output}\n{error}");
        var broken = Assert.Single(output.Split('\n'), line => line.StartsWith("BROKEN", StringComparison.Ordinal));
        Assert.StartsWith($"BROKEN {stream} at version 2:", broken, StringComparison.Ordinal);
        Assert.Contains("FAILED: 1 of", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_a_missing_store_exits_1_and_says_it_cannot_read_it()
    {
        var (exit, output, error) = await VerifyAsync(MissingStore);

        Assert.True(exit == CliApp.Failed, $"Exit {exit}:\n{output}\n{error}");
        Assert.Empty(output);
        Assert.StartsWith("qs: ", error, StringComparison.Ordinal);
        AssertMissingStoreMessage(error);
    }

    private protected abstract void AssertMissingStoreMessage(string error);

    private async Task<(int Exit, string Output, string Error)> VerifyAsync(string connectionString)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(
            ["verify", "--provider", Store.Provider, "--connection", connectionString], output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    // Streams for bodies and the sitting, with a few events each, written the ordinary way; the
    // node is stopped before qs reads the store.
    private async Task WriteSittingAsync()
    {
        await using var node = await TestNode.StartAsync(Store);
        using var chair = await node.SignInAsync("chair.na");
        AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));
        AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, $"/clusters/{HealthCluster}/open"));
    }
}
