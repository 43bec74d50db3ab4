using CsvHelper;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Imports;

namespace QuestionSessions.Server.Administration;

/// <summary>
/// A body's roster (<c>qs import members</c>): deputies of the National Assembly, delegates of a People's Council.
/// The layout (UTF-8, a header row, RFC 4180 quoting), documented in docs/samples/members.csv:
/// <code>body_id,member_id,name,role,group</code>
/// <c>role</c> is <c>deputy</c> (National Assembly) or <c>delegate</c> (People's Councils); <c>group</c> is the
/// delegation or delegate group (đoàn, tổ đại biểu), may be empty. Seating the same member again changes nothing.
/// </summary>
internal static class MemberImport
{
    public static readonly string[] Columns = ["body_id", "member_id", "name", "role", "group"];

    public static (IReadOnlyList<(string BodyId, SeatMember Command)> Rows, IReadOnlyList<ImportProblem> Problems) Read(
        Stream file, IReadOnlyList<BodySummary> existing, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var bodies = existing.ToDictionary(b => b.BodyId, StringComparer.Ordinal);
        var (rows, problems) = CsvImport.Read(file, Columns, csv => Row(csv, bodies, now), r => (r.BodyId, r.Command.Member.MemberId),
            first => $"The same member of the same body is on line {first}.", cancellationToken);
        return ([.. rows.Select(r => (r.BodyId, r.Command))], problems);
    }

    /// <summary>Seats the members, one body at a time per writer, <paramref name="parallelism"/> bodies at once.</summary>
    public static Task<ImportResult> WriteAsync(
        IEventStore store, IReadOnlyList<(string BodyId, SeatMember Command)> rows, int parallelism, IProgress<int> progress, CancellationToken cancellationToken) =>
        BodyStreamWriter.RunImportAsync(store, [.. rows.Select(r => (r.BodyId, (BodyCommand)r.Command))], _ => true, parallelism, progress, cancellationToken);

    private sealed record MemberRow(string BodyId, SeatMember Command);

    private static (MemberRow? Row, string? Problem) Row(CsvReader csv, IReadOnlyDictionary<string, BodySummary> bodies, DateTimeOffset now)
    {
        string Field(int i) => csv.GetString(i) ?? "";
        var (bodyId, memberId, name, role, group) = (Field(0), Field(1), Field(2), Field(3).ToLowerInvariant(), Field(4));
        if (!bodies.TryGetValue(bodyId, out var body))
        {
            return (null, $"body_id '{CsvImport.Shorten(bodyId)}' is not a body of this server (import the units first).");
        }

        var expected = body.Kind == BodyKind.NationalAssembly ? "deputy" : "delegate";
        if (role != expected)
        {
            return (null, $"role '{CsvImport.Shorten(role)}' must be '{expected}' in {bodyId}.");
        }

        if (!BodyDecider.IsId(memberId) || !Domain.Texts.Fits(name, 200) || group.Length > 200)
        {
            return (null, "member_id is 1 to 64 letters, digits, '-', '_' or '.'; name is required (at most 200 characters), group at most 200.");
        }

        return (new MemberRow(bodyId, new SeatMember(new Member(memberId, name, group), CsvImport.Importer, now)), null);
    }
}
