using QuestionSessions.Domain;
using QuestionSessions.Server.Accounts;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// <c>GET /metrics</c>, the Prometheus scrape of every meter <see cref="Telemetry"/> collects. It tells how busy the
/// server is and how many watch each sitting, so on the main port it answers only an administrator (401 signed out,
/// 403 without the Admin grant over every body). With <c>Telemetry:MetricsPort</c> set, the same path answers anyone
/// on that port, which serves nothing else: keep that port to the scraper's network.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static int Port(IConfiguration configuration) => configuration.GetValue("Telemetry:MetricsPort", 0);

    public static IEndpointConventionBuilder MapMetrics(this IEndpointRouteBuilder routes)
    {
        var port = Port(routes.ServiceProvider.GetRequiredService<IConfiguration>());
        return routes.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: branch => branch.Use((http, next) =>
            port > 0 && http.Connection.LocalPort == port ? next(http) : OperatorsOnlyAsync(http, next)), optionsName: null);
    }

    public static bool IsScrape(HttpContext http) => http.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>On the metrics port, anything but the scrape is not there.</summary>
    public static Task OnlyMetricsOnItsPort(HttpContext http, RequestDelegate next) =>
        http.Connection.LocalPort == Port(http.RequestServices.GetRequiredService<IConfiguration>()) && !IsScrape(http)
            ? Problems.Problem(StatusCodes.Status404NotFound, "Not found", "This port serves /metrics only.", "metrics_port_only").ExecuteAsync(http)
            : next(http);

    private static Task OperatorsOnlyAsync(HttpContext http, RequestDelegate next)
    {
        if (ActorClaims.ToActor(http.User) is not { } actor)
        {
            return Problems.Unauthorized().ExecuteAsync(http);
        }

        if (!actor.Holds(Role.Admin, Grant.AnyBody))
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, "Not allowed", "Only an administrator reads the server's metrics.", "admin_required")
                .ExecuteAsync(http);
        }

        return next(http);
    }
}
