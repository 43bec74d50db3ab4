using System.Data.Common;
using System.Globalization;
using System.Text;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Petitions;

/// <summary>A petition as the public list shows it: answered and resolved apart, overdue and late as facts.</summary>
public sealed record PetitionSummary(
    Guid PetitionId, string Code, string BodyId, string ProvinceId, string? Commune, PetitionField Field, string Title, SourceChannel Channel,
    Guid? MeetingId, int Supporters, int Sources, PetitionStatus Status, Guid? MergedInto, PetitionLevel? Level, string? AgencyId, string? AgencyName,
    string? AgencyBodyId, DateOnly? Deadline, int Answers, DateTimeOffset? AnsweredAt, bool AnsweredLate, PetitionOutcome? Outcome,
    bool Resolved, bool ReportedBack, int Satisfied, int PartlySatisfied, int Unsatisfied, DateOnly? OverdueSince, bool Overdue,
    int Escalations, DateTimeOffset FiledAt, DateTimeOffset UpdatedAt, long Version);

public sealed record PetitionPage(IReadOnlyList<PetitionSummary> Items, int Total, int Offset, int Limit);

/// <summary>
/// A body's petitions in figures. Answered counts any answer; resolved only those whose latest answer says so;
/// late answers and overdue ones are counted apart, so "97 % answered" never reads as "97 % resolved".
/// </summary>
public sealed record PetitionFigures(
    string BodyId, int Filed, int Merged, int Routed, int Answered, int AnsweredOnTime, int AnsweredLate, int Resolved, int BeingResolved,
    int Explained, int OverdueNow, int ReportedBack, int Satisfied, int PartlySatisfied, int Unsatisfied, int Supporters);

public sealed record ContactMeetingSummary(
    Guid MeetingId, string BodyId, DateOnly HeldOn, MeetingTiming Timing, int? Session, string ProvinceId, string? Commune,
    IReadOnlyList<string> HeldBy, int Petitions);

/// <summary>Which petitions a list shows. <see cref="Window"/>: <c>overdue</c>, <c>open</c> (routed, not answered) or <c>unrouted</c>.</summary>
internal sealed record PetitionFilter(
    string? BodyId = null, string? ProvinceId = null, string? Field = null, string? Status = null, string? AgencyId = null,
    string? Window = null, Guid? MeetingId = null, string? Code = null, Guid? Id = null, bool IncludeMerged = false);

/// <summary>Reads <see cref="PetitionDirectory"/>: lists, one petition, figures and meetings.</summary>
internal static class PetitionReader
{
    public const int MaxPage = 200;

    public static async Task<PetitionPage> PageAsync(IEventStore store, PetitionFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = Sql.Command(connection, null, $"SELECT COUNT(*) FROM petition_directory WHERE {where}", [.. parameters]))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        parameters.Add(("limit", limit));
        parameters.Add(("offset", offset));
        // Open petitions by their deadline first (the agency's queue), then the rest newest first.
        await using var command = Sql.Command(connection, null, $"""
            SELECT {PetitionDirectory.Columns} FROM petition_directory WHERE {where}
            ORDER BY CASE WHEN deadline IS NOT NULL AND answers = 0 THEN 0 ELSE 1 END, deadline, filed_at DESC, petition_id
            LIMIT @limit OFFSET @offset
            """, [.. parameters]);
        var items = new List<PetitionSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(Read(reader));
        }

        return new PetitionPage(items, total, offset, limit);
    }

    public static async Task<PetitionSummary?> FindAsync(IEventStore store, PetitionFilter filter, CancellationToken cancellationToken) =>
        (await PageAsync(store, filter with { IncludeMerged = true }, 0, 1, cancellationToken)).Items.FirstOrDefault();

    /// <summary>
    /// The id to file a petition under, from <paramref name="baseId"/>: itself, unless its tracking code is already
    /// another petition's (40 bits clash about once in two thousand among a million codes), then the first of a
    /// fixed sequence of ids derived from it whose code is free. The same base id always leads to the same choice
    /// while the clashing petition stands, so a retried filing still finds its own petition.
    /// </summary>
    public static async Task<Guid> FreeIdAsync(IEventStore store, Guid baseId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var id = CodeCandidate(baseId, attempt);
            await using var command = Sql.Command(connection, null, "SELECT petition_id FROM petition_directory WHERE code = @code",
                ("code", Domain.TrackingCode.Of(Domain.TrackingCode.Petition, id)));
            if (await command.ExecuteScalarAsync(cancellationToken) is not string holder || holder == id.ToString())
            {
                return id;
            }
        }
    }

    /// <summary>Every tracking code in use, with its petition: what an import checks its rows' codes against.</summary>
    public static async Task<Dictionary<string, Guid>> CodesAsync(IEventStore store, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT code, petition_id FROM petition_directory");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new Dictionary<string, Guid>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes[reader.GetString(0)] = Guid.Parse(reader.GetString(1));
        }

        return codes;
    }

    /// <summary>The <paramref name="attempt"/>th id to try for <paramref name="baseId"/> (the base id itself first).</summary>
    public static Guid CodeCandidate(Guid baseId, int attempt) =>
        attempt == 0 ? baseId : Domain.DerivedId.Of($"{baseId:N}|code|{attempt.ToString(CultureInfo.InvariantCulture)}");

    public static async Task<PetitionFigures> FiguresAsync(IEventStore store, string bodyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT
                COUNT(*),
                SUM(CASE WHEN merged_into IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND agency_id IS NOT NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND answers > 0 THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND answers > 0 AND answered_late = 0 THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND answers > 0 AND answered_late = 1 THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND outcome = 'Resolved' THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND outcome = 'BeingResolved' THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND outcome = 'Explained' THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND overdue_since IS NOT NULL AND answers = 0 THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL AND reported_back = 1 THEN 1 ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL THEN satisfied ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL THEN partly_satisfied ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL THEN unsatisfied ELSE 0 END),
                SUM(CASE WHEN merged_into IS NULL THEN supporters ELSE 0 END)
            FROM petition_directory WHERE body_id = @body
            """, ("body", bodyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        int At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
        var merged = At(1);
        return new PetitionFigures(bodyId, At(0) - merged, merged, At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10), At(11), At(12), At(13), At(14));
    }

    public static async Task<IReadOnlyList<ContactMeetingSummary>> MeetingsAsync(IEventStore store, string bodyId, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT m.meeting_id, m.body_id, m.held_on, m.timing, m.session, m.province_id, m.commune, m.held_by,
                (SELECT COUNT(*) FROM petition_directory p WHERE p.meeting_id = m.meeting_id)
            FROM contact_meetings m WHERE m.body_id = @body ORDER BY m.held_on DESC, m.meeting_id
            """, ("body", bodyId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var meetings = new List<ContactMeetingSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            meetings.Add(new ContactMeetingSummary(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Enum.Parse<MeetingTiming>(reader.GetString(3)), reader.IsDBNull(4) ? null : Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetString(7).Split(',', StringSplitOptions.RemoveEmptyEntries), Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture)));
        }

        return meetings;
    }

    private static (string Where, List<(string, object?)> Parameters) Where(PetitionFilter filter)
    {
        var where = new StringBuilder(filter.IncludeMerged ? "1 = 1" : "merged_into IS NULL");
        var parameters = new List<(string, object?)>();
        void Equal(string column, string name, object? value)
        {
            if (value is not null)
            {
                where.Append(CultureInfo.InvariantCulture, $" AND {column} = @{name}");
                parameters.Add((name, value));
            }
        }

        Equal("petition_id", "id", filter.Id?.ToString());
        Equal("code", "code", filter.Code);
        Equal("body_id", "body", filter.BodyId);
        Equal("province_id", "province", filter.ProvinceId);
        Equal("field", "field", filter.Field);
        Equal("status", "status", filter.Status);
        Equal("agency_id", "agency", filter.AgencyId);
        Equal("meeting_id", "meeting", filter.MeetingId?.ToString());
        where.Append(filter.Window switch
        {
            "overdue" => " AND overdue_since IS NOT NULL AND answers = 0",
            "open" => " AND agency_id IS NOT NULL AND answers = 0",
            "unrouted" => " AND agency_id IS NULL",
            "unresolved" => " AND answers > 0 AND (outcome IS NULL OR outcome <> 'Resolved')",
            _ => "",
        });
        return (where.ToString(), parameters);
    }

    private static PetitionSummary Read(DbDataReader r)
    {
        string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        int I(int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
        DateOnly? D(int i) => S(i) is { } t ? DateOnly.ParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        DateTimeOffset? T(int i) => S(i) is { } t ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;
        var answers = I(19);
        var outcome = S(22);
        var overdue = D(27);
        return new PetitionSummary(
            Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), S(4), Enum.Parse<PetitionField>(r.GetString(5)), r.GetString(6),
            Enum.Parse<SourceChannel>(r.GetString(7)), S(8) is { } m ? Guid.Parse(m) : null, I(9), I(10), Enum.Parse<PetitionStatus>(r.GetString(11)),
            S(12) is { } k ? Guid.Parse(k) : null, S(13) is { } level ? Enum.Parse<PetitionLevel>(level) : null, S(14), S(15), S(16),
            D(17), answers, T(20), I(21) == 1, outcome is null ? null : Enum.Parse<PetitionOutcome>(outcome), outcome == "Resolved", I(23) == 1, I(24), I(25), I(26), overdue,
            overdue is not null && answers == 0, I(28), T(29)!.Value, T(30)!.Value, Convert.ToInt64(r.GetValue(31), CultureInfo.InvariantCulture));
    }
}
