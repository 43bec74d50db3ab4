using System.Net;
using QuestionSessions.Server.Tests.Infrastructure;
using QuestionSessions.Server.Tests.Commitments;
using static QuestionSessions.Server.Tests.Explanations.Requests;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Explanations;

/// <summary>Public filing, rating and erasure share one per-address limit a minute; past it the answer is 429 and nothing is filed.</summary>
public sealed class ExplanationRateLimitTests : SqliteNodeTest
{
    private protected override string[] ExtraArguments => ["--RateLimits:PublicFilingPerMinute=3"];

    [Fact]
    public async Task Public_filing_past_the_limit_is_429()
    {
        using var http = Node.Anonymous();
        var filed = await FileAsync(http);
        await FileAsync(http);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "satisfied" })).Status);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(http, "/api/explanations", Body())).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(http, $"{filed.ByCode}/rating", new { rating = "satisfied" }, filed.SecretHeader)).Status);
        Assert.Equal(2, await RowsAsync(Node, "explanation_directory"));

        // Reading is not limited.
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(http, filed.ByCode, filed.SecretHeader)).Status);
    }
}
