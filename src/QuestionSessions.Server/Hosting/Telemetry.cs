using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using QuestionSessions.Runtime.Telemetry;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// OpenTelemetry for the server: traces across HTTP, grain calls (Orleans' activity propagation, see
/// SiloHosting) and Npgsql; metrics from <see cref="QsMetrics"/>, ASP.NET Core, the .NET runtime, Orleans and
/// Npgsql, scraped in Prometheus format at <see cref="MetricsEndpoint.Path"/> and pushed by OTLP when a
/// collector is configured. Log lines carry the trace and span ids of the request that wrote them.
/// </summary>
internal static class Telemetry
{
    /// <summary>Orleans' grain-call, application and grain-storage spans, and Npgsql's commands.</summary>
    private static readonly string[] Sources =
        ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Microsoft.Orleans.Storage", "Npgsql"];

    private static readonly string[] Meters = [QsMetrics.MeterName, "Microsoft.Orleans", "Npgsql"];

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.Configure<TelemetryOptions>(builder.Configuration.GetSection("Telemetry"));

        // The scope that carries TraceId and SpanId is the host's default; said here because the logs' promise
        // depends on it, and the console shows scopes only when asked (JSON console: Logging:Console:FormatterName=json).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        builder.Services.AddSingleton<TelemetryGauges>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !MetricsEndpoint.IsScrape(http))
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters)
                // Served to an administrator or on the metrics port only, so no cached copy is needed against floods;
                // a scrape then always shows what happened up to it.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        if (options.OtlpEndpoint is { Length: > 0 } endpoint)
        {
            var protocol = Enum.Parse<OtlpExportProtocol>(options.OtlpProtocol, ignoreCase: true);
            otel.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else if (builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 })
        {
            // Reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers).
            otel.UseOtlpExporter();
        }

        if (options.MetricsPort > 0)
        {
            // The main addresses stay as configured; the metrics port is one more.
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
            builder.WebHost.UseUrls($"{urls};http://*:{options.MetricsPort}");
        }
    }

    /// <summary>Starts the node's gauges and, with a metrics port, keeps that port to <c>/metrics</c>.</summary>
    public static void UseTelemetry(this WebApplication app)
    {
        app.Services.GetRequiredService<TelemetryGauges>();
        if (MetricsEndpoint.Port(app.Configuration) > 0)
        {
            app.Use(MetricsEndpoint.OnlyMetricsOnItsPort);
        }
    }
}
