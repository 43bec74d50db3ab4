using System.Data.Common;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Petitions;

/// <summary>
/// The public list of petitions, one row each, written atomically with the petition's events: where it
/// came from, who answers it by when, and where it stands. "Answered" (any answer sent) and "resolved" (the
/// latest answer says so) are separate columns, so no figure can mix them. The contact meetings petitions were
/// raised at are kept beside it, one row per meeting. Nothing personal: the submitter ids stay in the events.
/// </summary>
internal sealed class PetitionDirectory : IProjection<PetitionState>
{
    public const string Columns = """
        petition_id, code, body_id, province_id, commune, field, title, channel, meeting_id, supporters, sources, status, merged_into,
        level, agency_id, agency_name, agency_body_id, deadline, routed_at, answers, answered_at, answered_late, outcome, reported_back,
        satisfied, partly_satisfied, unsatisfied, overdue_since, escalations, filed_at, updated_at, version
        """;

    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS petition_directory (
                petition_id TEXT PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                body_id TEXT NOT NULL,
                province_id TEXT NOT NULL,
                commune TEXT NULL,
                field TEXT NOT NULL,
                title TEXT NOT NULL,
                channel TEXT NOT NULL,
                meeting_id TEXT NULL,
                supporters INTEGER NOT NULL,
                sources INTEGER NOT NULL,
                status TEXT NOT NULL,
                merged_into TEXT NULL,
                level TEXT NULL,
                agency_id TEXT NULL,
                agency_name TEXT NULL,
                agency_body_id TEXT NULL,
                deadline TEXT NULL,
                routed_at TEXT NULL,
                answers INTEGER NOT NULL,
                answered_at TEXT NULL,
                answered_late INTEGER NOT NULL,
                outcome TEXT NULL,
                reported_back INTEGER NOT NULL,
                satisfied INTEGER NOT NULL,
                partly_satisfied INTEGER NOT NULL,
                unsatisfied INTEGER NOT NULL,
                overdue_since TEXT NULL,
                escalations INTEGER NOT NULL,
                filed_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS petition_directory_body ON petition_directory (body_id, filed_at);
            CREATE INDEX IF NOT EXISTS petition_directory_agency ON petition_directory (agency_id, deadline);
            CREATE INDEX IF NOT EXISTS petition_directory_province ON petition_directory (province_id);
            CREATE INDEX IF NOT EXISTS petition_directory_meeting ON petition_directory (meeting_id);
            CREATE TABLE IF NOT EXISTS contact_meetings (
                meeting_id TEXT PRIMARY KEY,
                body_id TEXT NOT NULL,
                held_on TEXT NOT NULL,
                timing TEXT NOT NULL,
                session INTEGER NULL,
                province_id TEXT NOT NULL,
                commune TEXT NULL,
                held_by TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS contact_meetings_body ON contact_meetings (body_id, held_on);
            """, cancellationToken);

    public IEnumerable<ProjectionWrite> Project(string streamId, PetitionState before, PetitionState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists || after.Sources.IsEmpty)
        {
            yield break;
        }

        var first = after.Sources[0];
        if (!before.Exists && first.Meeting is { } meeting)
        {
            yield return new ProjectionWrite("""
                INSERT INTO contact_meetings (meeting_id, body_id, held_on, timing, session, province_id, commune, held_by)
                VALUES (@id, @body, @date, @timing, @session, @province, @commune, @heldBy)
                ON CONFLICT (meeting_id) DO NOTHING
                """,
                [("id", meeting.MeetingId.ToString()), ("body", after.BodyId), ("date", CommitmentLedger.Date(meeting.Date)),
                ("timing", meeting.Timing.ToString()), ("session", meeting.Session), ("province", meeting.Locality.ProvinceId),
                ("commune", meeting.Locality.Commune), ("heldBy", string.Join(',', meeting.HeldBy))]);
        }

        var routing = after.Routing;
        yield return new ProjectionWrite($"""
            INSERT INTO petition_directory ({Columns})
            VALUES (@id, @code, @body, @province, @commune, @field, @title, @channel, @meeting, @supporters, @sources, @status, @mergedInto,
                @level, @agency, @agencyName, @agencyBody, @deadline, @routedAt, @answers, @answeredAt, @late, @outcome, @reportedBack,
                @satisfied, @partly, @unsatisfied, @overdue, @escalations, @filed, @updated, @version)
            ON CONFLICT (petition_id) DO UPDATE SET supporters = excluded.supporters, sources = excluded.sources, status = excluded.status,
                merged_into = excluded.merged_into, level = excluded.level, agency_id = excluded.agency_id, agency_name = excluded.agency_name,
                agency_body_id = excluded.agency_body_id, deadline = excluded.deadline, routed_at = excluded.routed_at,
                answers = excluded.answers, answered_at = excluded.answered_at, answered_late = excluded.answered_late,
                outcome = excluded.outcome, reported_back = excluded.reported_back, satisfied = excluded.satisfied,
                partly_satisfied = excluded.partly_satisfied, unsatisfied = excluded.unsatisfied, overdue_since = excluded.overdue_since,
                escalations = excluded.escalations, updated_at = excluded.updated_at, version = excluded.version
            """,
            [("id", after.PetitionId.ToString()), ("code", after.Code), ("body", after.BodyId), ("province", first.Locality.ProvinceId),
            ("commune", first.Locality.Commune), ("field", after.Field.ToString()), ("title", after.Title), ("channel", first.Channel.ToString()),
            ("meeting", first.Meeting?.MeetingId.ToString()), ("supporters", after.Supporters), ("sources", after.Sources.Count),
            ("status", after.Status.ToString()), ("mergedInto", after.MergedInto?.ToString()), ("level", routing?.Level.ToString()),
            ("agency", routing?.AgencyId), ("agencyName", routing?.AgencyName), ("agencyBody", routing?.AgencyBodyId),
            ("deadline", routing is null ? null : CommitmentLedger.Date(routing.Deadline)),
            ("routedAt", after.RoutedAt is { } r ? CommitmentLedger.Iso(r) : null), ("answers", after.Answers),
            ("answeredAt", after.FirstAnsweredAt is { } a ? CommitmentLedger.Iso(a) : null), ("late", after.AnsweredLate ? 1 : 0),
            ("outcome", after.LatestOutcome?.ToString()), ("reportedBack", after.ReportedBack ? 1 : 0),
            ("satisfied", after.Count(SatisfactionRating.Satisfied)), ("partly", after.Count(SatisfactionRating.PartlySatisfied)),
            ("unsatisfied", after.Count(SatisfactionRating.Unsatisfied)),
            ("overdue", after.OverdueSince is { } o ? CommitmentLedger.Date(o) : null), ("escalations", after.Escalations.Count),
            ("filed", CommitmentLedger.Iso(after.FiledAt)), ("updated", CommitmentLedger.Iso(after.UpdatedAt)),
            ("version", firstVersion + events.Count - 1)]);
    }
}
