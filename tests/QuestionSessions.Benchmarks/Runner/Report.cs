using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QuestionSessions.Benchmarks.Runner;

/// <summary>The console table and <c>artifacts/bench/results.json</c>.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // A detail that could not be measured (NaN) is written as a string rather than failing the report.
    private static readonly JsonSerializerOptions DetailOptions = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void PrintTable(IReadOnlyList<ScenarioResult> results)
    {
        string[] header = ["scenario", "unit", "ours", "baseline", "ratio", "definition", "target", "met"];
        var rows = results.Select(r => new[]
        {
            r.Plan.Name,
            r.Plan.Unit,
            AlternatingRunner.Format(r.Value),
            AlternatingRunner.Format(r.Baseline),
            double.IsNaN(r.Ratio) ? "n/a" : r.Ratio.ToString("0.000", CultureInfo.InvariantCulture),
            r.Plan.RatioDefinition,
            r.Plan.TargetText,
            r.Failure is not null ? "FAILED" : r.TargetMet ? "yes" : "NO",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        Console.WriteLine();
        Console.WriteLine(Line(header, widths));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row, widths));
        }

        foreach (var r in results)
        {
            if (r.Failure is not null)
            {
                Console.WriteLine($"{r.Plan.Name}: FAILED: {r.Failure}");
            }

            foreach (var note in r.Notes)
            {
                Console.WriteLine($"{r.Plan.Name}: {note}");
            }
        }
    }

    public static async Task WriteJsonAsync(string path, IReadOnlyList<ScenarioResult> results, IReadOnlyDictionary<string, object?> run, CancellationToken cancellationToken)
    {
        var scenarios = new JsonArray();
        foreach (var r in results)
        {
            scenarios.Add(new JsonObject
            {
                ["name"] = r.Plan.Name,
                ["unit"] = r.Plan.Unit,
                ["value"] = Number(r.Value),
                ["baseline"] = Number(r.Baseline),
                ["ratio"] = Number(r.Ratio),
                ["ratioDefinition"] = r.Plan.RatioDefinition,
                ["target"] = r.Plan.TargetText,
                ["targetMet"] = r.Failure is null && r.TargetMet,
                ["failure"] = r.Failure,
                ["warmupPairs"] = r.WarmupPairs,
                ["windows"] = new JsonArray([.. r.Windows.Select(w => (JsonNode)new JsonObject
                {
                    ["ours"] = Figure(w.Ours),
                    ["baseline"] = Figure(w.Baseline),
                    ["ratio"] = Number(w.Ratio),
                })]),
                ["details"] = JsonSerializer.SerializeToNode(r.Details, DetailOptions),
                ["notes"] = new JsonArray([.. r.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
            });
        }

        var document = new JsonObject
        {
            ["scenarios"] = scenarios,
            ["run"] = JsonSerializer.SerializeToNode(run, DetailOptions),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, document.ToJsonString(Indented) + Environment.NewLine, cancellationToken);
    }

    private static JsonObject Figure(WindowFigure figure)
    {
        var node = new JsonObject { ["value"] = Number(figure.Value) };
        foreach (var (name, value) in figure.Extra ?? new Dictionary<string, double>())
        {
            node[name] = Number(value);
        }

        return node;
    }

    // JSON has no NaN: a figure that could not be measured is null.
    private static JsonNode? Number(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 4)) : null;

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => i < 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));
}
