namespace QuestionSessions.Server.Hosting;

/// <summary>The <c>Telemetry</c> section: where traces, metrics and logs go besides the console.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>
    /// An OTLP collector (<c>http://collector:4317</c>). When empty, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> decides;
    /// when both are empty nothing is exported by OTLP.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317, the default) or <c>HttpProtobuf</c> (port 4318), for <see cref="OtlpEndpoint"/>.</summary>
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>
    /// A port that serves <c>/metrics</c> to anyone who reaches it, and nothing else. Zero (the default): no such
    /// port, and <c>/metrics</c> on the main port answers only an administrator.
    /// </summary>
    public int MetricsPort { get; set; }

    /// <summary>The name traces and metrics carry as <c>service.name</c>.</summary>
    public string ServiceName { get; set; } = "questionsessions";
}
