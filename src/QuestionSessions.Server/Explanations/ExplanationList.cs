using System.Data.Common;
using System.Globalization;
using System.Text;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Explanations;

/// <summary>Which requests to list; every part is optional and they combine with AND. <see cref="Overdue"/>: an acknowledgement or an explanation is overdue now.</summary>
internal sealed record ExplanationFilter(string? Agency = null, string? AgencyBody = null, ExplanationStatus? Status = null, bool Overdue = false);

/// <summary>A request as the list shows it: the subject, the code, the agency, the clocks and where it stands; never the requester.</summary>
internal sealed record ExplanationSummary(
    Guid RequestId,
    string Code,
    string AgencyId,
    string AgencyName,
    string AgencyBodyId,
    ExplanationStatus Status,
    string Subject,
    bool Publish,
    FilingChannel Channel,
    DateTimeOffset ReceivedAt,
    DateOnly? AcknowledgeBy,
    bool AcknowledgedLate,
    bool AcknowledgementOverdue,
    DateOnly? AcknowledgementOverdueSince,
    DateTimeOffset? AcceptedAt,
    DateOnly? ExplainBy,
    DateOnly? OriginalExplainBy,
    bool Extended,
    bool ExplanationOverdue,
    DateOnly? ExplanationOverdueSince,
    DateTimeOffset? RefusedAt,
    DateTimeOffset? ExplainedAt,
    bool ExplainedLate,
    SatisfactionRating? Rating,
    int Redirects,
    DateTimeOffset UpdatedAt,
    long Version);

internal sealed record ExplanationPage(int Total, int Offset, IReadOnlyList<ExplanationSummary> Items);

/// <summary>
/// Reads <see cref="ExplanationDirectory"/>. The public sees the requests whose requesters allowed publication;
/// an officer also sees every request held by their agency, a secretariat every request held by an agency of its
/// body, an administrator everything: the agency's queue, unpublished ones included.
/// </summary>
internal static class ExplanationList
{
    public const int MaxPage = 100;

    public static async Task<ExplanationPage> PageAsync(
        IEventStore store, ExplanationFilter filter, Actor? actor, int offset, int limit, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(filter, actor);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = Sql.Command(connection, null, $"SELECT COUNT(*) FROM explanation_directory {where}", [.. parameters]))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<ExplanationSummary>();
        if (total > offset)
        {
            parameters.Add(("limit", limit));
            parameters.Add(("offset", offset));
            await using var command = Sql.Command(connection, null, $"""
                SELECT {ExplanationDirectory.Columns} FROM explanation_directory {where}
                ORDER BY received_at DESC, request_id LIMIT @limit OFFSET @offset
                """, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }
        }

        return new ExplanationPage(total, offset, items);
    }

    private static (string Where, List<(string Name, object? Value)> Parameters) Where(ExplanationFilter filter, Actor? actor)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var parameters = new List<(string Name, object? Value)>();
        if (filter.Agency is { } agency)
        {
            where.Append(" AND agency_id = @agency");
            parameters.Add(("agency", agency));
        }

        if (filter.AgencyBody is { } body)
        {
            where.Append(" AND agency_body_id = @agencyBody");
            parameters.Add(("agencyBody", body));
        }

        if (filter.Status is { } status)
        {
            where.Append(" AND status = @status");
            parameters.Add(("status", status.ToString()));
        }

        if (filter.Overdue)
        {
            where.Append(" AND (acknowledgement_overdue = 1 OR explanation_overdue = 1)");
        }

        var grants = actor?.Grants ?? [];
        if (grants.Any(g => g.Role == Role.Admin && g.BodyId == Grant.AnyBody))
        {
            return (where.ToString(), parameters);
        }

        var visible = new List<string> { "publish = 1" };
        var officers = grants.Where(g => g.Role == Role.AgencyOfficer && g.PersonId is not null).ToList();
        for (var i = 0; i < officers.Count; i++)
        {
            visible.Add($"(agency_id = @officerAgency{i} AND agency_body_id = @officerBody{i})");
            parameters.Add(($"officerAgency{i}", officers[i].PersonId));
            parameters.Add(($"officerBody{i}", officers[i].BodyId));
        }

        var bodies = grants.Where(g => g.Role is Role.Secretariat or Role.Admin).Select(g => g.BodyId).Distinct().ToList();
        for (var i = 0; i < bodies.Count; i++)
        {
            visible.Add($"agency_body_id = @secretariatBody{i}");
            parameters.Add(($"secretariatBody{i}", bodies[i]));
        }

        where.Append(" AND (").AppendJoin(" OR ", visible).Append(')');
        return (where.ToString(), parameters);
    }

    private static ExplanationSummary Read(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Enum.Parse<ExplanationStatus>(r.GetString(5)),
        r.GetString(6), Flag(r, 7), Enum.Parse<FilingChannel>(r.GetString(8)), Instant(r.GetString(9)), Date(r, 10), Flag(r, 11),
        Flag(r, 20), Date(r, 21), OptionalInstant(r, 12), Date(r, 13), Date(r, 14), Flag(r, 15), Flag(r, 22), Date(r, 23),
        OptionalInstant(r, 16), OptionalInstant(r, 17), Flag(r, 18), r.IsDBNull(19) ? null : Enum.Parse<SatisfactionRating>(r.GetString(19)),
        Convert.ToInt32(r.GetValue(24), CultureInfo.InvariantCulture), Instant(r.GetString(25)), Convert.ToInt64(r.GetValue(26), CultureInfo.InvariantCulture));

    private static bool Flag(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture) == 1;

    private static DateOnly? Date(DbDataReader r, int i) =>
        r.IsDBNull(i) ? null : DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTimeOffset? OptionalInstant(DbDataReader r, int i) => r.IsDBNull(i) ? null : Instant(r.GetString(i));
}
