using System.Data.Common;
using QuestionSessions.Domain.Explanations;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Explanations;

/// <summary>
/// The list of requests for explanation, one row each, written atomically with the request's events: which
/// agency holds it, its two clocks (acknowledge by, explain by) and where it stands. The code is unique, so a
/// tracking code always finds one request. Nothing personal and not the matter: the requester's subject id
/// and the text stay in the events (and the matter in the search when the requester allowed publication);
/// <c>publish</c> says whether the public may list the row at all.
/// </summary>
internal sealed class ExplanationDirectory : IProjection<ExplanationState>
{
    public const string Columns = """
        request_id, code, agency_id, agency_name, agency_body_id, status, subject, publish, channel, received_at, acknowledge_by,
        acknowledged_late, accepted_at, explain_by, original_explain_by, extended, refused_at, explained_at, explained_late, rating,
        acknowledgement_overdue, acknowledgement_overdue_since, explanation_overdue, explanation_overdue_since, redirects,
        updated_at, version
        """;

    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS explanation_directory (
                request_id TEXT PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                agency_id TEXT NOT NULL,
                agency_name TEXT NOT NULL,
                agency_body_id TEXT NOT NULL,
                status TEXT NOT NULL,
                subject TEXT NOT NULL,
                publish INTEGER NOT NULL,
                channel TEXT NOT NULL,
                received_at TEXT NOT NULL,
                acknowledge_by TEXT NULL,
                acknowledged_late INTEGER NOT NULL,
                accepted_at TEXT NULL,
                explain_by TEXT NULL,
                original_explain_by TEXT NULL,
                extended INTEGER NOT NULL,
                refused_at TEXT NULL,
                explained_at TEXT NULL,
                explained_late INTEGER NOT NULL,
                rating TEXT NULL,
                acknowledgement_overdue INTEGER NOT NULL,
                acknowledgement_overdue_since TEXT NULL,
                explanation_overdue INTEGER NOT NULL,
                explanation_overdue_since TEXT NULL,
                redirects INTEGER NOT NULL,
                updated_at TEXT NOT NULL,
                version BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS explanation_directory_agency ON explanation_directory (agency_body_id, agency_id, received_at);
            CREATE INDEX IF NOT EXISTS explanation_directory_received ON explanation_directory (received_at);
            """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(
        string streamId, ExplanationState before, ExplanationState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists || after.Agency is not { } agency)
        {
            yield break;
        }

        yield return new ProjectionWrite($"""
            INSERT INTO explanation_directory ({Columns})
            VALUES (@id, @code, @agency, @agencyName, @agencyBody, @status, @subject, @publish, @channel, @received, @acknowledgeBy,
                @acknowledgedLate, @accepted, @explainBy, @originalExplainBy, @extended, @refused, @explained, @explainedLate, @rating,
                @ackOverdue, @ackOverdueSince, @overdue, @overdueSince, @redirects, @updated, @version)
            ON CONFLICT (request_id) DO UPDATE SET agency_id = excluded.agency_id, agency_name = excluded.agency_name,
                agency_body_id = excluded.agency_body_id, status = excluded.status, acknowledge_by = excluded.acknowledge_by,
                acknowledged_late = excluded.acknowledged_late, accepted_at = excluded.accepted_at, explain_by = excluded.explain_by,
                original_explain_by = excluded.original_explain_by, extended = excluded.extended, refused_at = excluded.refused_at,
                explained_at = excluded.explained_at, explained_late = excluded.explained_late, rating = excluded.rating,
                acknowledgement_overdue = excluded.acknowledgement_overdue,
                acknowledgement_overdue_since = excluded.acknowledgement_overdue_since,
                explanation_overdue = excluded.explanation_overdue, explanation_overdue_since = excluded.explanation_overdue_since,
                redirects = excluded.redirects, updated_at = excluded.updated_at, version = excluded.version
            """,
            [("id", after.RequestId.ToString()), ("code", after.Code), ("agency", agency.AgencyId), ("agencyName", agency.AgencyName),
            ("agencyBody", agency.AgencyBodyId), ("status", after.Status.ToString()), ("subject", after.Subject),
            ("publish", after.Publish ? 1 : 0), ("channel", after.Channel.ToString()), ("received", CommitmentLedger.Iso(after.ReceivedAt)),
            ("acknowledgeBy", Date(after.AcknowledgeBy)), ("acknowledgedLate", after.AcknowledgedLate ? 1 : 0),
            ("accepted", Iso(after.AcceptedAt)), ("explainBy", Date(after.ExplainBy)), ("originalExplainBy", Date(after.OriginalExplainBy)),
            ("extended", after.Extended ? 1 : 0), ("refused", Iso(after.RefusedAt)), ("explained", Iso(after.ExplainedAt)),
            ("explainedLate", after.ExplainedLate ? 1 : 0), ("rating", after.Rating?.ToString()),
            ("ackOverdue", after.AcknowledgementOverdue ? 1 : 0), ("ackOverdueSince", Date(after.AcknowledgementOverdueSince)),
            ("overdue", after.ExplanationIsOverdue ? 1 : 0), ("overdueSince", Date(after.ExplanationOverdueSince)),
            ("redirects", after.Redirects), ("updated", CommitmentLedger.Iso(after.UpdatedAt)), ("version", firstVersion + events.Count - 1)]);
    }

    /// <summary>The request a tracking code names (as stored, see <see cref="Domain.TrackingCode.Normalize"/>), or null.</summary>
    public static async Task<Guid?> FindByCodeAsync(IEventStore store, string code, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT request_id FROM explanation_directory WHERE code = @code", ("code", code));
        return await command.ExecuteScalarAsync(cancellationToken) is string id ? Guid.Parse(id) : null;
    }

    private static string? Date(DateOnly? date) => date is { } d ? CommitmentLedger.Date(d) : null;

    private static string? Iso(DateTimeOffset? at) => at is { } a ? CommitmentLedger.Iso(a) : null;
}
