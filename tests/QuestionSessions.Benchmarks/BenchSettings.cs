namespace QuestionSessions.Benchmarks;

/// <summary>
/// How long and how large each scenario runs. <c>--quick</c> (the default) fits in a few minutes on two
/// cores; <c>--full</c> runs longer windows and 10,000 viewers; <c>--diagnose</c> adds a step-by-step
/// breakdown of each append path; <c>--viewers N</c> sets the fan-out's crowd size and <c>--rate N</c> its
/// events per second.
/// </summary>
internal sealed record BenchSettings(
    string Mode,
    int Warmups,
    int AppendPairs,
    TimeSpan AppendWindow,
    int AppendWriters,
    int AppendMaxWarmups,
    int FanoutViewers,
    int FanoutPairs,
    int FanoutEventsPerWindow,
    int EventsPerSecond,
    int MemoryViewers,
    int MemoryPairs,
    int FailoverPairs,
    TimeSpan Deadline,
    IReadOnlySet<string> Only,
    bool Diagnose = false)
{
    public static BenchSettings Quick { get; } = new(
        "quick", Warmups: 2, AppendPairs: 5, AppendWindow: TimeSpan.FromSeconds(3), AppendWriters: 16, AppendMaxWarmups: 8,
        FanoutViewers: 2_000, FanoutPairs: 7, FanoutEventsPerWindow: 60, EventsPerSecond: 20,
        MemoryViewers: 1_000, MemoryPairs: 3, FailoverPairs: 2, Deadline: TimeSpan.FromMinutes(14), Only: new HashSet<string>());

    public static BenchSettings Full { get; } = new(
        "full", Warmups: 2, AppendPairs: 9, AppendWindow: TimeSpan.FromSeconds(5), AppendWriters: 16, AppendMaxWarmups: 8,
        FanoutViewers: 10_000, FanoutPairs: 7, FanoutEventsPerWindow: 200, EventsPerSecond: 20,
        MemoryViewers: 5_000, MemoryPairs: 5, FailoverPairs: 3, Deadline: TimeSpan.FromMinutes(30), Only: new HashSet<string>());

    /// <summary>
    /// Descriptors this process may hold at once, plus slack: the real node's ends of the fan-out's viewers
    /// (the viewers and the bare hub run in child processes), or the memory scenario's viewers (its servers do).
    /// </summary>
    public ulong DescriptorsNeeded => (ulong)(Math.Max(FanoutViewers, MemoryViewers) + 2_048);

    public bool Selected(string scenario) => Only.Count == 0 || Only.Any(o => scenario.StartsWith(o, StringComparison.Ordinal));

    /// <summary>Null (and a message on stderr) when the arguments make no sense.</summary>
    public static BenchSettings? Parse(string[] args)
    {
        var settings = Quick;
        var only = new HashSet<string>(StringComparer.Ordinal);
        var diagnose = false;
        int? viewers = null;
        int? rate = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    settings = Quick;
                    break;
                case "--full":
                    settings = Full;
                    break;
                case "--diagnose":
                    diagnose = true;
                    break;
                case "--only" when i + 1 < args.Length:
                    only.Add(args[++i]);
                    break;
                case "--viewers" when i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0:
                    viewers = n;
                    i++;
                    break;
                case "--rate" when i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var r) && r is > 0 and <= 1_000:
                    rate = r;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--quick | --full] [--viewers N] [--rate N] [--diagnose] [--only <scenario prefix>]...");
                    return null;
            }
        }

        // Diagnosing adds breakdown rounds to the append scenarios: allow for them.
        return settings with
        {
            Only = only,
            Diagnose = diagnose,
            Deadline = diagnose ? settings.Deadline * 2 : settings.Deadline,
            FanoutViewers = viewers ?? settings.FanoutViewers,
            EventsPerSecond = rate ?? settings.EventsPerSecond,
            // Another rate keeps the window's length: fewer events per window at a lower rate.
            FanoutEventsPerWindow = rate is { } eventsPerSecond
                ? Math.Max(10, settings.FanoutEventsPerWindow * eventsPerSecond / settings.EventsPerSecond)
                : settings.FanoutEventsPerWindow,
        };
    }
}
