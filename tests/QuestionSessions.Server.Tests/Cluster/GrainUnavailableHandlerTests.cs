using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using QuestionSessions.Server.Cluster;

namespace QuestionSessions.Server.Tests.Cluster;

/// <summary>
/// A grain call that timed out or whose silo is gone answers 503 with Retry-After and a problem a client can
/// branch on; anything else is left to the other handlers (and stays a 500, never dressed up as passing).
/// </summary>
public sealed class GrainUnavailableHandlerTests
{
    public static TheoryData<Exception> Unavailable => new()
    {
        new TimeoutException("Response did not arrive on time"),
        new SiloUnavailableException("The target silo became unavailable"),
        new GatewayTooBusyException(),
        new AggregateException(new TimeoutException("Response did not arrive on time")),
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public async Task A_grain_that_cannot_answer_is_a_503_with_Retry_After(Exception exception)
    {
        var (handler, http) = Create();

        Assert.True(await handler.TryHandleAsync(http, exception, TestContext.Current.CancellationToken));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal(GrainUnavailableHandler.RetryAfterSeconds, http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("temporarily_unavailable", problem.RootElement.GetProperty("code").GetString());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Any_other_failure_is_not_taken_for_a_passing_one()
    {
        var (handler, http) = Create();

        Assert.False(await handler.TryHandleAsync(http, new InvalidOperationException("a bug"), TestContext.Current.CancellationToken));
        Assert.False(await handler.TryHandleAsync(http, new AggregateException(new TimeoutException(), new TimeoutException()), TestContext.Current.CancellationToken));
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
    }

    private static (GrainUnavailableHandler Handler, HttpContext Http) Create()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "POST";
        http.Request.Path = "/api/sittings/0199a000-0000-7000-8000-000000000001/open";
        http.Response.Body = new MemoryStream();
        var handler = new GrainUnavailableHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<GrainUnavailableHandler>.Instance);
        return (handler, http);
    }
}
