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
/// Npgsql, scraped in Prometheus format at <see cref="MetricsEndpoint.Path"/>. Spans are recorded, and everything
/// pushed by OTLP, only when a collector is configured. Log lines carry the trace and span ids of the request.
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
        // depends on it. The console shows scopes only when asked, and only the named formatter's options count: with
        // no formatter named, the console logger's old IncludeScopes (false) overrides them. So the simple formatter is
        // named unless configuration names one (Logging:Console:FormatterName=json for one JSON object a line).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        AddMetricsPort(builder, options);
        builder.Services.AddSingleton<TelemetryGauges>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters)
                // Served to an administrator or on the metrics port only, so no cached copy is needed against floods;
                // a scrape then always shows what happened up to it.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        // Spans are recorded only when they go somewhere: listening to Orleans' sources makes every grain call build
        // two activities, which public reads should not pay for when nobody collects them. The request's own
        // activity, whose ids the log lines carry, exists either way.
        if (OtlpExport(options, builder.Configuration) is not { } export)
        {
            return;
        }

        otel.WithTracing(t => t
            .AddAspNetCoreInstrumentation(o => o.Filter = http => !MetricsEndpoint.IsScrape(http))
            .AddHttpClientInstrumentation()
            .AddSource(Sources));
        export(otel);
    }

    /// <summary>How to push to the configured OTLP collector, or null when none is configured.</summary>
    private static Action<IOpenTelemetryBuilder>? OtlpExport(TelemetryOptions options, IConfiguration configuration)
    {
        if (options.OtlpEndpoint is { Length: > 0 } endpoint)
        {
            if (!Enum.TryParse<OtlpExportProtocol>(options.OtlpProtocol, ignoreCase: true, out var protocol)
                || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException(
                    $"Telemetry:OtlpEndpoint must be an absolute URL and Telemetry:OtlpProtocol Grpc or HttpProtobuf (got '{endpoint}', '{options.OtlpProtocol}').");
            }

            return otel => otel.UseOtlpExporter(protocol, uri);
        }

        // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers), read by the exporter itself.
        return configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } ? otel => otel.UseOtlpExporter() : null;
    }

    private static void AddMetricsPort(WebApplicationBuilder builder, TelemetryOptions options)
    {
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
