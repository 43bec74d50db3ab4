using CsvHelper;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Places;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Imports;

namespace QuestionSessions.Server.Administration;

/// <summary>
/// The bodies of the official list of administrative units (<c>qs import units</c>): the National Assembly, the 34
/// provinces' People's Councils and the communes', wards' and special zones' People's Councils. The layout (UTF-8,
/// a header row, RFC 4180 quoting), documented in docs/samples/units.csv:
/// <code>unit_id,kind,name,name_en,parent_id</code>
/// <c>kind</c> is <c>na</c>, <c>province</c> or <c>commune</c>. The National Assembly's unit id is <c>na</c>; a
/// province's is one of the 34 ids (<c>GET /api/places/provinces</c>) and its body is <c>pc-{unit_id}</c>; a
/// commune's is a slug of lower-case letters, digits and hyphens, its <c>parent_id</c> is its province's unit id
/// (in the file or already a body), and its body is <c>pc-{parent_id}-{unit_id}</c>. <c>name</c> is the unit's
/// name ("Phường Thuận Hóa"); a council is named after it ("Hội đồng nhân dân phường Thuận Hóa").
/// </summary>
internal static class UnitImport
{
    public static readonly string[] Columns = ["unit_id", "kind", "name", "name_en", "parent_id"];

    private sealed record UnitRow(EstablishBody Command, long Line);

    /// <summary>Checks every row against the file and the bodies that exist; the establishing commands, parents first.</summary>
    public static (IReadOnlyList<EstablishBody> Rows, IReadOnlyList<ImportProblem> Problems) Read(
        Stream file, IReadOnlyList<BodySummary> existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = existing.ToDictionary(b => b.BodyId, StringComparer.Ordinal);
        var (rows, problems) = CsvImport.Read(file, Columns, csv => Row(csv, known, now), r => r.Command.BodyId,
            first => $"The same unit is on line {first}.", cancellationToken);

        // A commune's province must be a body already or a good row of this file.
        var provinces = rows.Where(r => r.Command.Kind == BodyKind.ProvincialCouncil).Select(r => r.Command.BodyId).Concat(known.Keys)
            .ToHashSet(StringComparer.Ordinal);
        var orphans = rows.Where(r => r.Command.ParentBodyId is { } parent && !provinces.Contains(parent)).ToList();
        var orphanProblems = orphans.Select(o => new ImportProblem(o.Line,
            $"The parent '{o.Command.ParentBodyId![3..]}' is neither a province of this file nor a body of this server."));
        return ([.. rows.Except(orphans).Select(r => r.Command).OrderBy(c => c.Kind)], [.. problems.Concat(orphanProblems).OrderBy(p => p.Line)]);
    }

    /// <summary>Establishes the bodies, <paramref name="parallelism"/> at a time, every parent before its children.</summary>
    public static async Task<ImportResult> WriteAsync(
        IEventStore store, IReadOnlyList<EstablishBody> rows, int parallelism, IProgress<int> progress, CancellationToken cancellationToken)
    {
        int written = 0, already = 0, done = 0;
        foreach (var level in rows.GroupBy(r => r.Kind).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
            {
                var (outcome, error) = await BodyStreamWriter.RunAsync(store, row.BodyId, row, ct);
                if (outcome == BodyWriteOutcome.Refused)
                {
                    throw new InvalidOperationException($"Unit {row.BodyId} was checked but is refused now: {error!.Message}");
                }

                Interlocked.Increment(ref outcome == BodyWriteOutcome.Appended ? ref written : ref already);
                progress.Report(Interlocked.Increment(ref done));
            });
        }

        return new ImportResult(written, already);
    }

    private static (UnitRow? Row, string? Problem) Row(CsvReader csv, IReadOnlyDictionary<string, BodySummary> known, DateTimeOffset now)
    {
        string Field(int i) => csv.GetString(i) ?? "";
        var (unit, kindText, name, nameEn, parent) = (Field(0), Field(1).ToLowerInvariant(), Field(2), Field(3), Field(4));
        if (!Domain.Texts.Fits(name, 150) || nameEn.Length > 150)
        {
            return (null, "name is required (at most 150 characters), name_en at most 150.");
        }

        EstablishBody Establish(string bodyId, BodyKind kind, string bodyName, string bodyNameEn, string? parentBodyId) =>
            new(bodyId, kind, bodyName, bodyNameEn, parentBodyId, "", CsvImport.Importer, now);

        var (command, problem) = kindText switch
        {
            "na" when unit != "na" || parent.Length > 0 => (null, "The National Assembly's unit_id is 'na', with no parent_id."),
            "na" => (Establish("na", BodyKind.NationalAssembly, name, nameEn, null), null),
            "province" when Provinces.Find(unit) is null => (null, $"unit_id '{CsvImport.Shorten(unit)}' is not one of the 34 provinces (GET /api/places/provinces)."),
            "province" when parent is not ("" or "na") => (null, "A province's parent_id is empty or 'na'."),
            "province" => (Establish($"pc-{unit}", BodyKind.ProvincialCouncil, Council(name), CouncilEn(nameEn), null), null),
            "commune" when !IsSlug(unit) => (null, $"unit_id '{CsvImport.Shorten(unit)}' must be 1 to 50 lower-case letters, digits or hyphens."),
            "commune" when Provinces.Find(parent) is null => (null, $"parent_id '{CsvImport.Shorten(parent)}' is not one of the 34 provinces."),
            "commune" => (Establish($"pc-{parent}-{unit}", BodyKind.CommuneCouncil, Council(name), CouncilEn(nameEn), $"pc-{parent}"), null),
            _ => ((EstablishBody?)null, (string?)$"kind '{CsvImport.Shorten(kindText)}' is not na, province or commune."),
        };
        if (command is null)
        {
            return (null, problem);
        }

        if (known.TryGetValue(command.BodyId, out var body) && (body.Name != command.Name || body.Kind != command.Kind))
        {
            return (null, $"The body {command.BodyId} exists already as '{body.Name}'.");
        }

        return BodyDecider.Decide(command, BodyState.Empty).Error is { } error ? (null, error.Message) : (new UnitRow(command, csv.LineNumber), null);
    }

    private static string Council(string unitName) =>
        "Hội đồng nhân dân " + char.ToLowerInvariant(unitName[0]) + unitName[1..];

    private static string CouncilEn(string unitNameEn) => unitNameEn.Length == 0 ? "" : $"{unitNameEn} People's Council";

    private static bool IsSlug(string id) =>
        id.Length is > 0 and <= 50 && id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-') && id[0] != '-' && id[^1] != '-';
}
