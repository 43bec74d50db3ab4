using System.Data.Common;
using System.Globalization;
using QuestionSessions.Domain.Calendar;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Commitments;

/// <summary>
/// The public ledger of commitments, one row each, written atomically with the commitment's events so the
/// tracker, the scorecards and the exports never disagree with the streams. Dates are local
/// (Asia/Ho_Chi_Minh) <c>yyyy-MM-dd</c> text and instants fixed-width UTC text: both sort in time order on
/// SQLite and PostgreSQL alike. The partial index holds only what is overdue now, so a province's overdue
/// list and its total read a few thousand index entries, not the province's whole ledger (its predicate is
/// the one <see cref="LedgerFilter"/> writes for the overdue window, which both planners must match).
/// </summary>
internal sealed class CommitmentLedger : IProjection<CommitmentState>
{
    public const string Columns = """
        commitment_id, kind, source, body_id, term, sitting_id, cluster_id, question_id, questioner_id, resolution_id, clause,
        topic_id, recommendation_id, agency_id, agency_name, official_id, official_name, text, expected_result, deadline,
        deadline_label, original_deadline, amendments, status, overdue_since, percent, made_at, last_progress_at, claimed_on,
        verified_at, requestioned, updated_at, version
        """;

    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) => Sql.ExecuteAsync(connection, transaction, """
        CREATE TABLE IF NOT EXISTS commitment_ledger (
            commitment_id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            body_id TEXT NOT NULL,
            term TEXT NULL,
            sitting_id TEXT NULL,
            cluster_id TEXT NULL,
            question_id TEXT NULL,
            questioner_id TEXT NULL,
            resolution_id TEXT NULL,
            clause INTEGER NULL,
            topic_id TEXT NULL,
            recommendation_id TEXT NULL,
            agency_id TEXT NOT NULL,
            agency_name TEXT NOT NULL,
            official_id TEXT NULL,
            official_name TEXT NULL,
            text TEXT NOT NULL,
            expected_result TEXT NULL,
            deadline TEXT NOT NULL,
            deadline_label TEXT NULL,
            original_deadline TEXT NOT NULL,
            amendments INTEGER NOT NULL,
            status TEXT NOT NULL,
            overdue_since TEXT NULL,
            percent INTEGER NULL,
            made_at TEXT NOT NULL,
            last_progress_at TEXT NULL,
            claimed_on TEXT NULL,
            verified_at TEXT NULL,
            requestioned INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            version BIGINT NOT NULL);
        CREATE INDEX IF NOT EXISTS commitment_ledger_body ON commitment_ledger (body_id, deadline);
        CREATE INDEX IF NOT EXISTS commitment_ledger_agency ON commitment_ledger (agency_id, body_id);
        CREATE INDEX IF NOT EXISTS commitment_ledger_official ON commitment_ledger (official_id);
        CREATE INDEX IF NOT EXISTS commitment_ledger_sitting ON commitment_ledger (sitting_id);
        CREATE INDEX IF NOT EXISTS commitment_ledger_overdue ON commitment_ledger (body_id, overdue_since);
        CREATE INDEX IF NOT EXISTS commitment_ledger_deadline ON commitment_ledger (deadline);
        CREATE INDEX IF NOT EXISTS commitment_ledger_updated ON commitment_ledger (updated_at);
        CREATE INDEX IF NOT EXISTS commitment_ledger_open_overdue ON commitment_ledger (body_id, deadline, commitment_id)
            WHERE overdue_since IS NOT NULL AND status IN ('InProgress', 'Submitted', 'Disputed', 'PartiallyFulfilled');
        """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(string streamId, CommitmentState before, CommitmentState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists || after.Provenance is not { } source || after.Owner is not { } owner || after.Deadline is not { } deadline)
        {
            yield break;
        }

        yield return new ProjectionWrite($"""
            INSERT INTO commitment_ledger ({Columns})
            VALUES (@id, @kind, @source, @body, @term, @sitting, @cluster, @question, @questioner, @resolution, @clause, @topic,
                @recommendation, @agency, @agencyName, @official, @officialName, @text, @expected, @deadline, @deadlineLabel,
                @original, @amendments, @status, @overdue, @percent, @made, @progress, @claimed, @verified, @requestioned, @updated, @version)
            ON CONFLICT (commitment_id) DO UPDATE SET deadline = excluded.deadline, deadline_label = excluded.deadline_label,
                amendments = excluded.amendments, status = excluded.status, overdue_since = excluded.overdue_since,
                percent = excluded.percent, last_progress_at = excluded.last_progress_at, claimed_on = excluded.claimed_on,
                verified_at = excluded.verified_at, requestioned = excluded.requestioned, updated_at = excluded.updated_at,
                version = excluded.version
            """,
            [("id", after.CommitmentId.ToString()), ("kind", after.Kind.ToString()), ("source", source.Kind.ToString()),
            ("body", source.BodyId), ("term", source.Term), ("sitting", source.SittingId?.ToString()),
            ("cluster", source.ClusterId?.ToString()), ("question", source.QuestionId?.ToString()), ("questioner", source.QuestionerId),
            ("resolution", source.ResolutionId?.ToString()), ("clause", source.Clause), ("topic", source.TopicId?.ToString()),
            ("recommendation", source.RecommendationId?.ToString()), ("agency", owner.AgencyId), ("agencyName", owner.AgencyName),
            ("official", owner.OfficialId), ("officialName", owner.OfficialName), ("text", after.Text), ("expected", after.ExpectedResult),
            ("deadline", Date(deadline.Date)), ("deadlineLabel", deadline.Label), ("original", Date(after.OriginalDeadline ?? deadline.Date)),
            ("amendments", after.Amendments), ("status", after.Status.ToString()),
            ("overdue", after.OverdueSince is { } overdue ? Date(overdue) : null), ("percent", after.Percent), ("made", Iso(after.MadeAt)),
            ("progress", after.LastProgressAt is { } p ? Iso(p) : null),
            ("claimed", after.ClaimedAt is { } c ? Date(VietnamTime.Today(c)) : null),
            ("verified", after.VerifiedAt is { } v ? Iso(v) : null), ("requestioned", after.RequestionedIn.Count), ("updated", Iso(after.UpdatedAt)),
            ("version", firstVersion + events.Count - 1)]);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Fixed-width UTC text sorts in time order on both providers.
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
