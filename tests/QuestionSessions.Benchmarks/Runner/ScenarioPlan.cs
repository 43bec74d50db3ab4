namespace QuestionSessions.Benchmarks.Runner;

internal enum RatioOf
{
    /// <summary>Throughput and memory: ours ÷ baseline.</summary>
    OursOverBaseline,
    /// <summary>Latency: baseline ÷ ours, so that higher is better for us as with throughput.</summary>
    BaselineOverOurs,
}

/// <summary>
/// How a scenario is measured: <see cref="Warmups"/> discarded pairs, then <see cref="Pairs"/> pairs of
/// windows, ours then baseline, and the median of the per-pair ratios. With <see cref="MaxWarmups"/> above
/// <see cref="Warmups"/>, warming goes on until both sides are steady (each within
/// <see cref="SteadyWithin"/> of its previous warm-up window), at most that many pairs: the figures are
/// of a process in its steady state, as a server runs, not of the JIT's tiers and the GC finding its size.
/// </summary>
internal sealed record ScenarioPlan(
    string Name, string Unit, int Warmups, int Pairs, RatioOf RatioOf, double Target, bool TargetIsMinimum, int MaxWarmups = 0)
{
    public const double SteadyWithin = 0.05;


    public string RatioDefinition => RatioOf == RatioOf.OursOverBaseline ? "ours/baseline" : "baseline/ours";

    public string TargetText => $"{(TargetIsMinimum ? ">=" : "<=")} {Target.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)}";

    public double Ratio(double ours, double baseline) =>
        RatioOf == RatioOf.OursOverBaseline ? ours / baseline : baseline / ours;

    public bool Meets(double ratio) => !double.IsNaN(ratio) && (TargetIsMinimum ? ratio >= Target : ratio <= Target);
}
