using System.Data.Common;
using System.Globalization;
using System.Text;
using QuestionSessions.Domain.Supervision;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Supervision;

/// <summary>
/// The public list of supervision topics, one row each, written atomically with the topic's events: who
/// supervises what, where the topic stands, how many reports, findings and recommendations it holds, and the
/// deadlines it missed. Beside it, <c>supervision_evidence</c> holds one row per petition or commitment a topic
/// cites (added on link, removed on unlink), so a petition's or a commitment's page can list the topics citing it.
/// </summary>
internal sealed class SupervisionDirectory : IProjection<SupervisionState>
{
    public const int MaxPage = 200;

    private const string Columns = """
        topic_id, body_id, term, title, assigned_to, decision_reference, stage, supervised, plan_due_by, plan_sent_at, plan_late,
        plan_overdue, evidence, reports, visits, findings, recommendations, supplements_overdue, draft_due_by, draft_overdue,
        resolution_reference, follow_ups, decided_at, closed_at, updated_at, version
        """;

    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS supervision_directory (
                topic_id TEXT PRIMARY KEY,
                body_id TEXT NOT NULL,
                term TEXT NULL,
                title TEXT NOT NULL,
                assigned_to TEXT NOT NULL,
                decision_reference TEXT NULL,
                stage TEXT NOT NULL,
                supervised INTEGER NOT NULL,
                plan_due_by TEXT NOT NULL,
                plan_sent_at TEXT NULL,
                plan_late INTEGER NOT NULL,
                plan_overdue INTEGER NOT NULL,
                evidence INTEGER NOT NULL,
                reports INTEGER NOT NULL,
                visits INTEGER NOT NULL,
                findings INTEGER NOT NULL,
                recommendations INTEGER NOT NULL,
                supplements_overdue INTEGER NOT NULL,
                draft_due_by TEXT NULL,
                draft_overdue INTEGER NOT NULL,
                resolution_reference TEXT NULL,
                follow_ups INTEGER NOT NULL,
                decided_at TEXT NOT NULL,
                closed_at TEXT NULL,
                updated_at TEXT NOT NULL,
                version BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS supervision_directory_body ON supervision_directory (body_id, updated_at);
            CREATE INDEX IF NOT EXISTS supervision_directory_updated ON supervision_directory (updated_at);
            CREATE TABLE IF NOT EXISTS supervision_evidence (
                topic_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                item_id TEXT NOT NULL,
                PRIMARY KEY (topic_id, kind, item_id));
            CREATE INDEX IF NOT EXISTS supervision_evidence_item ON supervision_evidence (item_id, kind);
            """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(string streamId, SupervisionState before, SupervisionState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists)
        {
            yield break;
        }

        var topic = after.TopicId.ToString();
        foreach (var link in after.Evidence.Except(before.Evidence))
        {
            yield return new ProjectionWrite("""
                INSERT INTO supervision_evidence (topic_id, kind, item_id) VALUES (@topic, @kind, @item)
                ON CONFLICT (topic_id, kind, item_id) DO NOTHING
                """, [("topic", topic), ("kind", link.Kind.ToString()), ("item", link.Id.ToString())]);
        }

        foreach (var link in before.Evidence.Except(after.Evidence))
        {
            yield return new ProjectionWrite("DELETE FROM supervision_evidence WHERE topic_id = @topic AND kind = @kind AND item_id = @item",
                [("topic", topic), ("kind", link.Kind.ToString()), ("item", link.Id.ToString())]);
        }

        yield return new ProjectionWrite($"""
            INSERT INTO supervision_directory ({Columns})
            VALUES (@id, @body, @term, @title, @assignedTo, @reference, @stage, @supervised, @planDue, @planSent, @planLate, @planOverdue,
                @evidence, @reports, @visits, @findings, @recommendations, @supplementsOverdue, @draftDue, @draftOverdue, @resolution,
                @followUps, @decided, @closed, @updated, @version)
            ON CONFLICT (topic_id) DO UPDATE SET stage = excluded.stage, plan_sent_at = excluded.plan_sent_at, plan_late = excluded.plan_late,
                plan_overdue = excluded.plan_overdue, evidence = excluded.evidence, reports = excluded.reports, visits = excluded.visits,
                findings = excluded.findings, recommendations = excluded.recommendations, supplements_overdue = excluded.supplements_overdue,
                draft_due_by = excluded.draft_due_by, draft_overdue = excluded.draft_overdue, resolution_reference = excluded.resolution_reference,
                follow_ups = excluded.follow_ups, closed_at = excluded.closed_at, updated_at = excluded.updated_at, version = excluded.version
            """,
            [("id", topic), ("body", after.BodyId), ("term", after.Term), ("title", after.Title), ("assignedTo", after.AssignedTo),
            ("reference", after.DecisionReference), ("stage", after.Stage.ToString()), ("supervised", after.Supervised.Count),
            ("planDue", CommitmentLedger.Date(after.PlanDueBy)), ("planSent", after.PlanSentAt is { } sent ? CommitmentLedger.Iso(sent) : null),
            ("planLate", after.PlanLate ? 1 : 0), ("planOverdue", after.PlanOverdue ? 1 : 0), ("evidence", after.Evidence.Count),
            ("reports", after.Reports.Count), ("visits", after.Visits.Count), ("findings", after.Findings.Count),
            ("recommendations", after.Recommendations.Count), ("supplementsOverdue", after.SupplementRequests.Count(r => r.Overdue)),
            ("draftDue", after.DraftDueBy is { } due ? CommitmentLedger.Date(due) : null),
            ("draftOverdue", after.DraftOverdueFor is not null && after.DraftOverdueFor == after.DraftDueBy ? 1 : 0),
            ("resolution", after.Resolution?.Reference), ("followUps", after.FollowUps), ("decided", CommitmentLedger.Iso(after.DecidedAt)),
            ("closed", after.ClosedAt is { } closed ? CommitmentLedger.Iso(closed) : null), ("updated", CommitmentLedger.Iso(after.UpdatedAt)),
            ("version", firstVersion + events.Count - 1)]);
    }

    /// <summary>
    /// A page of topics, the latest changed first: of one body, in one stage, or citing one petition or commitment
    /// (<paramref name="cites"/>), each filter optional.
    /// </summary>
    public static async Task<SupervisionPage> PageAsync(
        IEventStore store, string? bodyId, SupervisionStage? stage, Guid? cites, int offset, int limit, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("""
            WHERE (CAST(@body AS TEXT) IS NULL OR body_id = @body) AND (CAST(@stage AS TEXT) IS NULL OR stage = @stage)
            """);
        List<(string, object?)> parameters = [("body", bodyId), ("stage", stage?.ToString())];
        if (cites is { } item)
        {
            where.Append(" AND topic_id IN (SELECT topic_id FROM supervision_evidence WHERE item_id = @cites)");
            parameters.Add(("cites", item.ToString()));
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = Sql.Command(connection, null, $"SELECT COUNT(*) FROM supervision_directory {where}", [.. parameters]))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        await using var command = Sql.Command(connection, null,
            $"SELECT {Columns} FROM supervision_directory {where} ORDER BY updated_at DESC, topic_id LIMIT @limit OFFSET @offset",
            [.. parameters, ("limit", limit), ("offset", offset)]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<SupervisionSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(SupervisionSummary.Read(reader));
        }

        return new SupervisionPage(total, offset, items);
    }
}
