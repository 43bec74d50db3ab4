using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QuestionSessions.Runtime.Telemetry;

/// <summary>
/// The instruments an operator watches, on one process-wide meter named <see cref="MeterName"/>. Recording
/// is on the hot path (every append, every command): each helper returns at once while nothing listens,
/// and tags travel in a <see cref="TagList"/> of constant strings, so a recorded value allocates nothing.
/// Gauges that read one node's state (viewers per sitting) live with that node, on a meter of the same name.
/// </summary>
public static class QsMetrics
{
    public const string MeterName = "QuestionSessions";

    /// <summary>Outcome tag values of <see cref="CommandDuration"/>.</summary>
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const string Busy = "busy";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Decide and append of one command in its aggregate, in milliseconds.</summary>
    public static readonly Histogram<double> CommandDuration = Meter.CreateHistogram<double>(
        "qs.command.duration", "ms", "Time an aggregate took to decide one command and append its events.");

    /// <summary>One append transaction (events, hash chain, projections), in milliseconds.</summary>
    public static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "qs.append.duration", "ms", "Time the event store took to commit one append.");

    /// <summary>From an event's commit to its relay to this node's viewers, in milliseconds.</summary>
    public static readonly Histogram<double> RelayLag = Meter.CreateHistogram<double>(
        "qs.relay.lag", "ms", "Time from an event's commit to its delivery to this node's live viewers.");

    /// <summary>Requests turned away because something was full or busy (the caller is told to retry).</summary>
    public static readonly Counter<long> BusyRefusals = Meter.CreateCounter<long>(
        "qs.busy.refusals", "{refusal}", "Requests refused because an aggregate, a grain or a rate limit was busy.");

    /// <summary>Deadline reminders that reached their aggregate.</summary>
    public static readonly Counter<long> RemindersFired = Meter.CreateCounter<long>(
        "qs.reminders.fired", "{reminder}", "Deadline reminders delivered to an aggregate.");

    public static void RecordCommand(string aggregate, string command, string outcome, long startedTimestamp)
    {
        if (CommandDuration.Enabled)
        {
            CommandDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds,
                new TagList { { "aggregate", aggregate }, { "command", command }, { "outcome", outcome } });
        }
    }

    /// <param name="provider">A cached tag (<c>new("provider", "Sqlite")</c>) so an append builds none.</param>
    public static void RecordAppend(KeyValuePair<string, object?> provider, long startedTimestamp)
    {
        if (AppendDuration.Enabled)
        {
            AppendDuration.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds, provider);
        }
    }

    public static void RecordRelayLag(TimeSpan lag)
    {
        if (RelayLag.Enabled)
        {
            RelayLag.Record(Math.Max(lag.TotalMilliseconds, 0));
        }
    }

    /// <param name="reason">Why: <c>aggregate_busy</c>, <c>grain_unavailable</c>, <c>rate_limited</c>.</param>
    public static void RecordBusyRefusal(string reason) => BusyRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <param name="kind">The aggregate the reminder belongs to (<c>commitment</c>, <c>petition</c>, …).</param>
    public static void RecordReminder(string kind) => RemindersFired.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
