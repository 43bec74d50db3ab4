using CsvHelper;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Imports;

namespace QuestionSessions.Server.Administration;

/// <summary>
/// The officials who answer to a body, with their agencies (<c>qs import officials</c>). The layout (UTF-8, a header
/// row, RFC 4180 quoting), documented in docs/samples/officials.csv:
/// <code>body_id,official_id,name,office,agency_id,agency_name,agency_name_en</code>
/// The agency is registered with the body when it is not yet (its name is then required); <c>agency_id</c> may be
/// empty for an official without one. Appointing the same official again changes nothing.
/// </summary>
internal static class OfficialImport
{
    public static readonly string[] Columns = ["body_id", "official_id", "name", "office", "agency_id", "agency_name", "agency_name_en"];

    public static (IReadOnlyList<(string BodyId, BodyCommand Command)> Commands, int Rows, IReadOnlyList<ImportProblem> Problems) Read(
        Stream file, IReadOnlyList<BodySummary> existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bodies = existing.Select(b => b.BodyId).ToHashSet(StringComparer.Ordinal);
        var (rows, problems) = CsvImport.Read(file, Columns, csv => Row(csv, bodies, now), r => (r.BodyId, r.Appoint.Official.OfficialId),
            first => $"The same official of the same body is on line {first}.", cancellationToken);
        var commands = rows.SelectMany(r => r.Register is null
            ? [(r.BodyId, (BodyCommand)r.Appoint)]
            : new[] { (r.BodyId, (BodyCommand)r.Register), (r.BodyId, (BodyCommand)r.Appoint) }).ToList();
        return (commands, rows.Count, problems);
    }

    public static Task<ImportResult> WriteAsync(
        IEventStore store, IReadOnlyList<(string BodyId, BodyCommand Command)> commands, int parallelism, IProgress<int> progress, CancellationToken cancellationToken) =>
        BodyStreamWriter.RunImportAsync(store, commands, c => c is AppointOfficial, parallelism, progress, cancellationToken);

    private sealed record OfficialRow(string BodyId, RegisterAgency? Register, AppointOfficial Appoint);

    private static (OfficialRow? Row, string? Problem) Row(CsvReader csv, IReadOnlySet<string> bodies, DateTimeOffset now)
    {
        string Field(int i) => csv.GetString(i) ?? "";
        var (bodyId, officialId, name, office, agencyId, agencyName, agencyNameEn) = (Field(0), Field(1), Field(2), Field(3), Field(4), Field(5), Field(6));
        if (!bodies.Contains(bodyId))
        {
            return (null, $"body_id '{CsvImport.Shorten(bodyId)}' is not a body of this server (import the units first).");
        }

        if (!BodyDecider.IsId(officialId) || !Domain.Texts.Fits(name, 200) || !Domain.Texts.Fits(office, 200))
        {
            return (null, "official_id is 1 to 64 letters, digits, '-', '_' or '.'; name and office are required (at most 200 characters).");
        }

        if (agencyId.Length == 0)
        {
            return (new OfficialRow(bodyId, null, new AppointOfficial(new Official(officialId, name, office, "", null), CsvImport.Importer, now)), null);
        }

        var register = new RegisterAgency(new Agency(agencyId, agencyName, agencyNameEn), CsvImport.Importer, now);
        if (BodyDecider.Decide(register, BodyState.Empty with { BodyId = bodyId }).Error is { } error)
        {
            return (null, error.Message);
        }

        return (new OfficialRow(bodyId, register, new AppointOfficial(new Official(officialId, name, office, agencyName, agencyId), CsvImport.Importer, now)), null);
    }
}
