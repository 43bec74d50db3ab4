namespace QuestionSessions.Benchmarks.Runner;

internal sealed record WindowPair(WindowFigure Ours, WindowFigure Baseline, double Ratio);

/// <summary>One line of the table and one entry of results.json.</summary>
internal sealed class ScenarioResult(ScenarioPlan plan)
{
    public ScenarioPlan Plan { get; } = plan;

    public List<WindowPair> Windows { get; } = [];

    /// <summary>Warm-up pairs run and discarded before the windows.</summary>
    public int WarmupPairs { get; set; }

    /// <summary>Median of the ours windows.</summary>
    public double Value => Stats.Median(Windows.Select(w => w.Ours.Value));

    /// <summary>Median of the baseline windows.</summary>
    public double Baseline => Stats.Median(Windows.Select(w => w.Baseline.Value));

    /// <summary>Median of the per-pair ratios (not the ratio of the medians).</summary>
    public double Ratio => Stats.Median(Windows.Select(w => w.Ratio));

    public bool TargetMet => Plan.Meets(Ratio);

    /// <summary>Scenario-specific figures for results.json (p50, delivery, disconnects, settings).</summary>
    public SortedDictionary<string, object?> Details { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    /// <summary>Set when the scenario could not be measured at all; the run goes on with the next one.</summary>
    public string? Failure { get; set; }

    public double MedianOurs(string extra) => Stats.Median(Windows.Select(w => w.Ours[extra]));

    public double MedianBaseline(string extra) => Stats.Median(Windows.Select(w => w.Baseline[extra]));
}
