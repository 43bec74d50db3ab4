namespace QuestionSessions.Benchmarks.Runner;

/// <summary>What one window measured: the scenario's figure and, optionally, secondary figures by name.</summary>
internal sealed record WindowFigure(double Value, IReadOnlyDictionary<string, double>? Extra = null)
{
    public double this[string name] => Extra is not null && Extra.TryGetValue(name, out var v) ? v : double.NaN;
}
