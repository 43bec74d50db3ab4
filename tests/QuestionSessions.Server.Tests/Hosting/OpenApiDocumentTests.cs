using System.Text.Json.Nodes;
using QuestionSessions.Server.Live;
using QuestionSessions.Server.Tests.Infrastructure;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// The web client's types are generated from web/src/api/openapi.json (STYLE habit 7); this keeps that
/// copy equal to the document the server builds now. To refresh it after changing the API, run
/// <c>QS_WRITE_OPENAPI=1 dotnet test tests/QuestionSessions.Server.Tests --filter OpenApiDocumentTests</c>
/// (or <c>npm run api:pull</c> in web/ against a running server).
/// </summary>
public sealed class OpenApiDocumentTests : SqliteNodeTest
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot(), "web", "src", "api", "openapi.json");

    // Issue 3: client types come from the server's real document, never from a stale copy.
    [Fact]
    public async Task The_web_clients_copy_is_the_document_the_server_serves()
    {
        using var http = Node.Anonymous();
        var served = await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        if (Environment.GetEnvironmentVariable("QS_WRITE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(CommittedPath, served.ReplaceLineEndings("\n").TrimEnd() + "\n", TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(CommittedPath) ? await File.ReadAllTextAsync(CommittedPath, TestContext.Current.CancellationToken) : "{}";
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(served), JsonNode.Parse(committed)),
            $"{CommittedPath} differs from /openapi/v1.json. Refresh it: QS_WRITE_OPENAPI=1 dotnet test tests/QuestionSessions.Server.Tests --filter OpenApiDocumentTests");
    }

    [Fact]
    public async Task The_document_describes_every_live_event_and_the_hub_methods()
    {
        using var http = Node.Anonymous();
        var document = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var schemas = document["components"]!["schemas"]!;
        var data = schemas[LiveProtocolDocument.EventDataSchema]!["properties"]!.AsObject();

        Assert.Equal(18, LiveProtocolDocument.Events.Count);
        Assert.Equal(LiveProtocolDocument.Events.Select(e => e.Alias), data.Select(p => p.Key));
        foreach (var (alias, type) in LiveProtocolDocument.Events)
        {
            Assert.Equal($"#/components/schemas/{type.Name}", data[alias]!["$ref"]!.GetValue<string>());
            Assert.NotNull(schemas[type.Name]!["properties"]!["at"]);
        }

        var hub = document[LiveProtocolDocument.HubsExtension]!["sittings"]!;
        Assert.Equal(SittingsHub.Path, hub["path"]!.GetValue<string>());
        Assert.Equal(HubMethods.Join, hub["methods"]!["join"]!.GetValue<string>());
        Assert.Equal(HubMethods.Event, hub["methods"]!["event"]!.GetValue<string>());
        Assert.Equal(HubMethods.WatchCommitment, hub["methods"]!["watchCommitment"]!.GetValue<string>());
        Assert.Null(document["servers"]);
        Assert.Equal("integer", schemas["SittingView"]!["properties"]!["version"]!["type"]!.GetValue<string>());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QuestionSessions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (QuestionSessions.sln) is not above the test binaries.");
    }
}
