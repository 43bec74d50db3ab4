using System.Globalization;

namespace QuestionSessions.Benchmarks.Runner;

/// <summary>
/// Measures ours and the baseline in alternating windows of the same run (ours, baseline, ours, …), so a
/// machine that gets busier or quieter during the run moves both sides; the figure is the median of the
/// per-pair ratios.
/// </summary>
internal static class AlternatingRunner
{
    public delegate Task<WindowFigure> Window(int index, CancellationToken cancellationToken);

    public static async Task<ScenarioResult> RunAsync(ScenarioPlan plan, Window ours, Window baseline, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(plan);
        var most = Math.Max(plan.Warmups, plan.MaxWarmups);
        WindowFigure? previousOurs = null, previousBaseline = null;
        for (var i = 0; i < most; i++)
        {
            var o = await ours(-1, cancellationToken);
            var b = await baseline(-1, cancellationToken);
            var steady = previousOurs is not null && Steady(previousOurs.Value, o.Value) && Steady(previousBaseline!.Value, b.Value);
            Console.WriteLine($"  {plan.Name,-24} warm-up {i + 1}/{(most > plan.Warmups ? $"{plan.Warmups}..{most}" : most)}: "
                + $"ours {Format(o.Value)}, baseline {Format(b.Value)} {plan.Unit} (discarded{(steady ? ", steady" : "")})");
            result.WarmupPairs = i + 1;
            if (i + 1 >= plan.Warmups && steady)
            {
                break;
            }

            (previousOurs, previousBaseline) = (o, b);
        }

        for (var i = 0; i < plan.Pairs; i++)
        {
            var o = await ours(i, cancellationToken);
            var b = await baseline(i, cancellationToken);
            var ratio = plan.Ratio(o.Value, b.Value);
            result.Windows.Add(new WindowPair(o, b, ratio));
            Console.WriteLine($"  {plan.Name,-24} window {i + 1}/{plan.Pairs}: ours {Format(o.Value)}, baseline {Format(b.Value)} {plan.Unit}, {plan.RatioDefinition} {ratio.ToString("0.000", CultureInfo.InvariantCulture)}{Extras(o, b)}");
        }

        return result;
    }

    private static bool Steady(double previous, double current) => Math.Abs(current - previous) <= ScenarioPlan.SteadyWithin * Math.Abs(previous);

    private static string Extras(WindowFigure ours, WindowFigure baseline) => ours.Extra is null ? "" :
        string.Concat(ours.Extra.Keys.Select(name => $"; {name} {Format(ours[name])} vs {Format(baseline[name])}"));

    public static string Format(double value) => double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.00", CultureInfo.InvariantCulture);
}
