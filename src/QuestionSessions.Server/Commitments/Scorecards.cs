using System.Globalization;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Commitments;

/// <summary>
/// One agency's (or one official's) record on its commitments to a body, by Directive 53's criteria.
/// Fulfilled means the owner claimed it (verified or not yet assessed); on time means the claim came on or
/// before the deadline in force (amendments are public on each commitment's timeline). Days late are counted
/// for late fulfilments (claim day − deadline) and for commitments overdue now (today − deadline).
/// </summary>
internal sealed record Scorecard(
    string Key,
    string Name,
    int Made,
    int FulfilledOnTime,
    int FulfilledLate,
    int OverdueNow,
    double? MedianDaysLate,
    int Verified,
    int OnlyClaimed,
    int Disputed,
    int NotFulfilled,
    int Withdrawn);

/// <summary>How many commitments stood in each state at the end of a month, from the dates the ledger keeps.</summary>
internal sealed record StatusPoint(string Month, int Made, int Kept, int Overdue);

internal static class Scorecards
{
    /// <summary>The scorecards of a body's agencies (<paramref name="byOfficial"/>: of its officials), optionally of one term or one agency.</summary>
    public static async Task<IReadOnlyList<Scorecard>> ListAsync(
        IEventStore store, string bodyId, string? term, string? agencyId, bool byOfficial, DateOnly today, CancellationToken cancellationToken)
    {
        var key = byOfficial ? "official_id" : "agency_id";
        var name = byOfficial ? "official_name" : "agency_name";
        var where = "WHERE body_id = @body AND (CAST(@term AS TEXT) IS NULL OR term = @term) AND (CAST(@agency AS TEXT) IS NULL OR agency_id = @agency)"
            + (byOfficial ? " AND official_id IS NOT NULL" : "");
        (string, object?)[] parameters = [("body", bodyId), ("term", term), ("agency", agencyId)];
        var open = string.Join(", ", LedgerFilter.OverdueStatuses.Select(s => $"'{s}'"));

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        var cards = new Dictionary<string, Scorecard>(StringComparer.Ordinal);
        await using (var command = Sql.Command(connection, null, $"""
            SELECT {key}, MAX({name}), COUNT(*),
                SUM(CASE WHEN status IN ('Verified', 'Claimed') AND claimed_on <= deadline THEN 1 ELSE 0 END),
                SUM(CASE WHEN status IN ('Verified', 'Claimed') AND claimed_on > deadline THEN 1 ELSE 0 END),
                SUM(CASE WHEN overdue_since IS NOT NULL AND status IN ({open}) THEN 1 ELSE 0 END),
                SUM(CASE WHEN status = 'Verified' THEN 1 ELSE 0 END),
                SUM(CASE WHEN status = 'Claimed' THEN 1 ELSE 0 END),
                SUM(CASE WHEN status = 'Disputed' THEN 1 ELSE 0 END),
                SUM(CASE WHEN status = 'NotFulfilled' THEN 1 ELSE 0 END),
                SUM(CASE WHEN status = 'Withdrawn' THEN 1 ELSE 0 END)
            FROM commitment_ledger {where} GROUP BY {key}
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                int At(int i) => Convert.ToInt32(reader.GetValue(i), CultureInfo.InvariantCulture);
                cards[reader.GetString(0)] = new Scorecard(reader.GetString(0), reader.GetString(1), At(2), At(3), At(4), At(5), null, At(6), At(7), At(8), At(9), At(10));
            }
        }

        // Days late: the late claims and the commitments overdue now, one row each (dates are compared as
        // text, which both providers order as dates; the arithmetic is done here, the same on both).
        var late = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        await using (var command = Sql.Command(connection, null, $"""
            SELECT {key}, deadline, claimed_on, status FROM commitment_ledger {where}
                AND ((status IN ('Verified', 'Claimed') AND claimed_on > deadline) OR (overdue_since IS NOT NULL AND status IN ({open})))
            """, parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var deadline = Day(reader.GetString(1));
                var until = reader.IsDBNull(2) || reader.GetString(3) is not ("Verified" or "Claimed") ? today : Day(reader.GetString(2));
                var days = until.DayNumber - deadline.DayNumber;
                if (days > 0)
                {
                    (late.TryGetValue(reader.GetString(0), out var list) ? list : late[reader.GetString(0)] = []).Add(days);
                }
            }
        }

        return [.. cards.Values
            .Select(c => late.TryGetValue(c.Key, out var days) ? c with { MedianDaysLate = Median(days) } : c)
            .OrderByDescending(c => c.OverdueNow).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Made, kept and overdue at the end of each month of the last <paramref name="months"/> (including this one),
    /// counted from the ledger's dates: made when recorded, kept from the claim day (verified or awaiting
    /// assessment), overdue from the day after the deadline until kept (withdrawn ones left out).
    /// </summary>
    public static async Task<IReadOnlyList<StatusPoint>> HistoryAsync(
        IEventStore store, string bodyId, string? term, DateOnly today, int months, CancellationToken cancellationToken)
    {
        var ends = Enumerable.Range(0, months).Select(i => EndOfMonth(today.AddMonths(i - months + 1))).ToList();
        var made = new int[months];
        var kept = new int[months];
        var overdue = new int[months];
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, """
            SELECT made_at, deadline, claimed_on, status FROM commitment_ledger
            WHERE body_id = @body AND (CAST(@term AS TEXT) IS NULL OR term = @term) AND status <> 'Withdrawn'
            """, ("body", bodyId), ("term", term));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var madeOn = Day(reader.GetString(0)[..10]);
            var deadline = Day(reader.GetString(1));
            DateOnly? keptOn = !reader.IsDBNull(2) && reader.GetString(3) is "Verified" or "Claimed" ? Day(reader.GetString(2)) : null;
            for (var i = 0; i < months; i++)
            {
                var end = ends[i] < today ? ends[i] : today;
                if (madeOn > end)
                {
                    continue;
                }

                made[i]++;
                if (keptOn <= end)
                {
                    kept[i]++;
                }
                else if (deadline < end)
                {
                    overdue[i]++;
                }
            }
        }

        return [.. ends.Select((end, i) => new StatusPoint(end.ToString("yyyy-MM", CultureInfo.InvariantCulture), made[i], kept[i], overdue[i]))];
    }

    private static DateOnly EndOfMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1);

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Median(List<int> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
    }
}
