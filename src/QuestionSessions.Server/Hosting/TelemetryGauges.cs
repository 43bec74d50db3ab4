using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.SignalR;
using QuestionSessions.Runtime.Live;
using QuestionSessions.Runtime.Telemetry;
using QuestionSessions.Server.Live;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Gauges read from this node's state when metrics are collected: viewers per sitting and live connections.
/// The meter comes from the host's <see cref="IMeterFactory"/>, so it goes with the host: a stopped node (tests
/// run several in one process) stops reporting instead of keeping its relay alive through a static callback.
/// </summary>
internal sealed class TelemetryGauges
{
    private const string SittingPrefix = "sitting/";

    public TelemetryGauges(IMeterFactory meters, StreamRelay<SerializedHubMessage> relay, ViewerRegistry connections)
    {
        var meter = meters.Create(QsMetrics.MeterName);
        meter.CreateObservableGauge("qs.viewers", () => Viewers(relay), "{viewer}", "Live viewers of each sitting on this node.");
        meter.CreateObservableGauge("qs.connections", () => connections.Count, "{connection}", "Open live connections on this node.");
    }

    private static IEnumerable<Measurement<int>> Viewers(StreamRelay<SerializedHubMessage> relay)
    {
        foreach (var (streamId, viewers) in relay.ViewerCounts())
        {
            if (streamId.StartsWith(SittingPrefix, StringComparison.Ordinal))
            {
                yield return new Measurement<int>(viewers, new KeyValuePair<string, object?>("sitting", streamId[SittingPrefix.Length..]));
            }
        }
    }
}
