using System.Data.Common;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Search;

/// <summary>
/// The one table the public search reads: a row per public document (a petition, a question, an answer, a
/// commitment, an explanation its requester allowed to publish, a supervision topic), written by each
/// aggregate's projection in the append's transaction. Beside the text as written it keeps the title and text
/// folded by <see cref="SearchText.Fold"/>, each wrapped in spaces, so a word-prefix match is a plain
/// <c>LIKE '% term%'</c> that SQLite and PostgreSQL answer alike. Nothing personal goes in: projections index
/// only what the public pages show.
/// </summary>
internal static class SearchIndex
{
    /// <summary>At most this much text is kept per document, folded and as written.</summary>
    public const int MaxText = 8_000;

    public static Task CreateTableAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS search_documents (
                kind TEXT NOT NULL,
                doc_id TEXT NOT NULL,
                body_id TEXT NOT NULL,
                province_id TEXT NULL,
                commune TEXT NULL,
                field TEXT NULL,
                parent_id TEXT NULL,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                folded_title TEXT NOT NULL,
                folded_text TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (kind, doc_id));
            CREATE INDEX IF NOT EXISTS search_documents_body ON search_documents (body_id);
            CREATE INDEX IF NOT EXISTS search_documents_province ON search_documents (province_id);
            """, cancellationToken);

    /// <summary>Adds or replaces one document.</summary>
    public static ProjectionWrite Upsert(SearchDocument document)
    {
        var text = document.Text.Length > MaxText ? document.Text[..MaxText] : document.Text;
        return new ProjectionWrite("""
            INSERT INTO search_documents (kind, doc_id, body_id, province_id, commune, field, parent_id, title, text, folded_title, folded_text, updated_at)
            VALUES (@kind, @id, @body, @province, @commune, @field, @parent, @title, @text, @foldedTitle, @foldedText, @updated)
            ON CONFLICT (kind, doc_id) DO UPDATE SET body_id = excluded.body_id, province_id = excluded.province_id,
                commune = excluded.commune, field = excluded.field, parent_id = excluded.parent_id, title = excluded.title,
                text = excluded.text, folded_title = excluded.folded_title, folded_text = excluded.folded_text,
                updated_at = excluded.updated_at
            """,
            [("kind", document.Kind.ToString()), ("id", document.Id), ("body", document.BodyId), ("province", document.ProvinceId),
            ("commune", document.Commune), ("field", document.Field), ("parent", document.ParentId), ("title", document.Title),
            ("text", text), ("foldedTitle", Wrap(document.Title)), ("foldedText", Wrap(text)), ("updated", CommitmentLedger.Iso(document.UpdatedAt))]);
    }

    /// <summary>Takes a document out (a petition merged into another, an explanation whose requester withdrew consent).</summary>
    public static ProjectionWrite Remove(SearchKind kind, string id) =>
        new("DELETE FROM search_documents WHERE kind = @kind AND doc_id = @id", [("kind", kind.ToString()), ("id", id)]);

    /// <summary>The folded text between spaces: " dat dai ".</summary>
    public static string Wrap(string text) => $" {SearchText.Fold(text)} ";
}
