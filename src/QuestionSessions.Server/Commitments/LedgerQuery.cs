using System.Data.Common;
using System.Globalization;
using System.Text;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Commitments;

/// <summary>Which commitments of the ledger to read; every part is optional and they combine with AND.</summary>
/// <param name="Region">A body and the bodies under it: a province's People's Council and its communes.</param>
/// <param name="Window"><c>overdue</c> (its deadline passed and it is not kept or claimed) or <c>due30</c> (due within 30 days).</param>
internal sealed record LedgerFilter(
    string? Body = null,
    string? Region = null,
    string? Term = null,
    Guid? Sitting = null,
    string? Agency = null,
    string? Official = null,
    string? Questioner = null,
    IReadOnlyList<CommitmentStatus>? Statuses = null,
    CommitmentKind? Kind = null,
    string? Window = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    Guid? Id = null,
    IReadOnlyList<Grains.Commitments.Followed>? Follows = null)
{
    public const string Overdue = "overdue";
    public const string DueSoon = "due30";

    /// <summary>Statuses in which a passed deadline makes a commitment overdue now (a claim waits for its assessment).</summary>
    public static readonly CommitmentStatus[] OverdueStatuses =
        [CommitmentStatus.InProgress, CommitmentStatus.Submitted, CommitmentStatus.Disputed, CommitmentStatus.PartiallyFulfilled];

    /// <summary>The WHERE clause (always starting with WHERE) and its parameters, for a day <paramref name="today"/>.</summary>
    public (string Where, List<(string Name, object? Value)> Parameters) ToSql(DateOnly today)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new List<(string, object?)>();

        void Equal(string column, string name, object? value)
        {
            if (value is not null)
            {
                where.Append(CultureInfo.InvariantCulture, $" AND {column} = @{name}");
                parameters.Add((name, value));
            }
        }

        Equal("commitment_id", "id", Id?.ToString());
        Equal("body_id", "body", Body);
        Equal("term", "term", Term);
        Equal("sitting_id", "sitting", Sitting?.ToString());
        Equal("agency_id", "agency", Agency);
        Equal("official_id", "official", Official);
        Equal("questioner_id", "questioner", Questioner);
        Equal("kind", "kind", Kind?.ToString());
        if (Region is not null)
        {
            where.Append(" AND body_id IN (SELECT body_id FROM body_directory WHERE body_id = @region OR parent_body_id = @region)");
            parameters.Add(("region", Region));
        }

        if (Follows is not null)
        {
            // A follow list: the commitments followed, and every commitment of a followed agency or official
            // (in its body). An empty list matches nothing.
            var any = new List<string> { "1 = 0" };
            foreach (var (item, i) in Follows.Select((f, i) => (f, i)))
            {
                var column = item.Kind switch
                {
                    Grains.Commitments.FollowKind.Commitment => "commitment_id",
                    Grains.Commitments.FollowKind.Agency => "agency_id",
                    _ => "official_id",
                };
                any.Add(item.BodyId is null ? $"{column} = @follow{i}" : $"({column} = @follow{i} AND body_id = @followBody{i})");
                parameters.Add(($"follow{i}", item.Key));
                if (item.BodyId is not null)
                {
                    parameters.Add(($"followBody{i}", item.BodyId));
                }
            }

            where.Append(" AND (").AppendJoin(" OR ", any).Append(')');
        }

        if (Statuses is { Count: > 0 })
        {
            where.Append(" AND status IN (").AppendJoin(", ", Statuses.Select((_, i) => $"@status{i}")).Append(')');
            parameters.AddRange(Statuses.Select((s, i) => ($"status{i}", (object?)s.ToString())));
        }

        if (Window == Overdue)
        {
            where.Append(" AND overdue_since IS NOT NULL AND deadline < @today AND status IN (")
                .AppendJoin(", ", OverdueStatuses.Select(s => $"'{s}'")).Append(')');
            parameters.Add(("today", CommitmentLedger.Date(today)));
        }
        else if (Window == DueSoon)
        {
            where.Append(" AND deadline >= @today AND deadline <= @soon AND status IN (")
                .AppendJoin(", ", OverdueStatuses.Select(s => $"'{s}'")).Append(')');
            parameters.Add(("today", CommitmentLedger.Date(today)));
            parameters.Add(("soon", CommitmentLedger.Date(today.AddDays(30))));
        }

        if (DueFrom is { } from)
        {
            where.Append(" AND deadline >= @dueFrom");
            parameters.Add(("dueFrom", CommitmentLedger.Date(from)));
        }

        if (DueTo is { } to)
        {
            where.Append(" AND deadline <= @dueTo");
            parameters.Add(("dueTo", CommitmentLedger.Date(to)));
        }

        return (where.ToString(), parameters);
    }
}

/// <summary>One commitment as the ledger lists it.</summary>
internal sealed record CommitmentSummary(
    Guid CommitmentId,
    CommitmentKind Kind,
    SourceKind Source,
    string BodyId,
    string? Term,
    Guid? SittingId,
    Guid? ClusterId,
    Guid? QuestionId,
    string? QuestionerId,
    Guid? ResolutionId,
    int? Clause,
    Guid? TopicId,
    Guid? RecommendationId,
    string AgencyId,
    string AgencyName,
    string? OfficialId,
    string? OfficialName,
    string Text,
    string? ExpectedResult,
    DateOnly Deadline,
    string? DeadlineLabel,
    DateOnly OriginalDeadline,
    int Amendments,
    CommitmentStatus Status,
    DateOnly? OverdueSince,
    int? Percent,
    DateTimeOffset MadeAt,
    DateTimeOffset? LastProgressAt,
    DateOnly? ClaimedOn,
    DateTimeOffset? VerifiedAt,
    int Requestioned,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>Overdue now: the deadline passed and the commitment is neither kept, claimed, nor closed.</summary>
    public bool Overdue => OverdueSince is not null && LedgerFilter.OverdueStatuses.Contains(Status);

    public static CommitmentSummary Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Enum.Parse<CommitmentKind>(r.GetString(1)), Enum.Parse<SourceKind>(r.GetString(2)), r.GetString(3),
        Str(r, 4), GuidOf(r, 5), GuidOf(r, 6), GuidOf(r, 7), Str(r, 8), GuidOf(r, 9), r.IsDBNull(10) ? null : Int(r, 10),
        GuidOf(r, 11), GuidOf(r, 12), r.GetString(13), r.GetString(14), Str(r, 15), Str(r, 16), r.GetString(17), Str(r, 18),
        DateOf(r, 19)!.Value, Str(r, 20), DateOf(r, 21)!.Value, Int(r, 22), Enum.Parse<CommitmentStatus>(r.GetString(23)), DateOf(r, 24),
        r.IsDBNull(25) ? null : Int(r, 25), Instant(r, 26)!.Value, Instant(r, 27), DateOf(r, 28), Instant(r, 29), Int(r, 30),
        Instant(r, 31)!.Value, Convert.ToInt64(r.GetValue(32), CultureInfo.InvariantCulture));

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static Guid? GuidOf(DbDataReader r, int i) => r.IsDBNull(i) ? null : Guid.Parse(r.GetString(i));

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly? DateOf(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateTimeOffset.Parse(r.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}

/// <summary>A page of the ledger and how many commitments the filter matches in all.</summary>
internal sealed record LedgerPage(int Total, int Offset, IReadOnlyList<CommitmentSummary> Items);

internal static class LedgerReader
{
    public const int MaxPage = 200;

    /// <summary>Deadline order, soonest first (the tracker); or the latest changed first (the feeds).</summary>
    public const string ByDeadline = "deadline, commitment_id";
    public const string ByLatestChange = "updated_at DESC, commitment_id";

    public static async Task<LedgerPage> PageAsync(
        IEventStore store, LedgerFilter filter, DateOnly today, int offset, int limit, CancellationToken cancellationToken,
        string order = ByDeadline)
    {
        var (where, parameters) = filter.ToSql(today);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = Sql.Command(connection, null, $"SELECT COUNT(*) FROM commitment_ledger {where}", [.. parameters]))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<CommitmentSummary>();
        parameters.Add(("limit", limit));
        parameters.Add(("offset", offset));
        // The page's ids first, then their rows: the ids and the sort keys come from an index alone (the overdue
        // window's partial index holds both), so only the rows shown are read from the table.
        await using var command = Sql.Command(connection, null,
            $"SELECT {CommitmentLedger.Columns} FROM commitment_ledger WHERE commitment_id IN "
            + $"(SELECT commitment_id FROM commitment_ledger {where} ORDER BY {order} LIMIT @limit OFFSET @offset) ORDER BY {order}",
            [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(CommitmentSummary.Read(reader));
        }

        return new LedgerPage(total, offset, items);
    }

    /// <summary>Every commitment the filter matches, in deadline order, read as a stream (for the exports).</summary>
    public static async IAsyncEnumerable<CommitmentSummary> AllAsync(
        IEventStore store, LedgerFilter filter, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (where, parameters) = filter.ToSql(today);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"SELECT {CommitmentLedger.Columns} FROM commitment_ledger {where} ORDER BY deadline, commitment_id", [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return CommitmentSummary.Read(reader);
        }
    }
}
