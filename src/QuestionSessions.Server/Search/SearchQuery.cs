using System.Globalization;
using System.Text;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Search;

/// <summary>A search as asked: the words, and the filters (all optional but the words).</summary>
internal sealed record SearchFilter(
    string Query, SearchKind? Kind = null, string? BodyId = null, string? ProvinceId = null, string? Field = null);

/// <summary>One hit: the document as written, and how well it matched.</summary>
public sealed record SearchHit(
    SearchKind Kind, string Id, string BodyId, string? ProvinceId, string? Commune, string? Field, string? ParentId,
    string Title, string Excerpt, DateTimeOffset UpdatedAt, int Score);

public sealed record SearchPage(IReadOnlyList<SearchHit> Items, int Total, int Offset, int Limit, IReadOnlyList<string> Terms);

/// <summary>
/// Runs a search over <see cref="SearchIndex"/>. The query is folded like the documents and split into words
/// (at most <see cref="MaxTerms"/>); each word must begin a word of the title or the text. The score gives a
/// word 3 in the title and 1 in the text, 1 more where it is a whole word, and the whole phrase 4 in the title
/// and 2 in the text; ties go to the most recently changed, then by kind and id, so the order is total and the
/// same on SQLite and PostgreSQL (one SQL text, plain LIKE over folded ASCII-range text, integer scores).
/// </summary>
internal static class SearchQuery
{
    public const int MaxTerms = 8;
    public const int MaxQuery = 200;
    public const int MaxPage = 50;
    public const int ExcerptLength = 280;

    /// <summary>The folded words of a query, distinct, in order; empty when nothing searchable is left.</summary>
    public static IReadOnlyList<string> Terms(string query) =>
        [.. SearchText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(MaxTerms)];

    public static async Task<SearchPage> RunAsync(IEventStore store, SearchFilter filter, int offset, int limit, CancellationToken cancellationToken)
    {
        var terms = Terms(filter.Query);
        if (terms.Count == 0)
        {
            return new SearchPage([], 0, offset, limit, terms);
        }

        var parameters = new List<(string, object?)>();
        var where = new StringBuilder("1 = 1");
        var score = new StringBuilder("0");
        for (var i = 0; i < terms.Count; i++)
        {
            // Fold keeps letters and digits only, so a term holds no LIKE wildcard or quote to escape.
            var prefix = $"p{i}";
            var word = $"w{i}";
            parameters.Add((prefix, $"% {terms[i]}%"));
            parameters.Add((word, $"% {terms[i]} %"));
            where.Append(CultureInfo.InvariantCulture, $" AND (folded_title LIKE @{prefix} OR folded_text LIKE @{prefix})");
            score.Append(CultureInfo.InvariantCulture, $"""
                 + CASE WHEN folded_title LIKE @{prefix} THEN 3 ELSE 0 END + CASE WHEN folded_text LIKE @{prefix} THEN 1 ELSE 0 END
                 + CASE WHEN folded_title LIKE @{word} OR folded_text LIKE @{word} THEN 1 ELSE 0 END
                """);
        }

        if (terms.Count > 1)
        {
            parameters.Add(("phrase", $"% {string.Join(' ', terms)}%"));
            score.Append(" + CASE WHEN folded_title LIKE @phrase THEN 4 ELSE 0 END + CASE WHEN folded_text LIKE @phrase THEN 2 ELSE 0 END");
        }

        if (filter.Kind is { } kind)
        {
            where.Append(" AND kind = @kind");
            parameters.Add(("kind", kind.ToString()));
        }

        if (filter.BodyId is { } body)
        {
            where.Append(" AND body_id = @body");
            parameters.Add(("body", body));
        }

        if (filter.ProvinceId is { } province)
        {
            where.Append(" AND province_id = @province");
            parameters.Add(("province", province));
        }

        if (filter.Field is { } field)
        {
            where.Append(" AND field = @field");
            parameters.Add(("field", field));
        }

        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        int total;
        await using (var count = Sql.Command(connection, null, $"SELECT COUNT(*) FROM search_documents WHERE {where}", [.. parameters]))
        {
            total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var items = new List<SearchHit>();
        if (total > offset)
        {
            parameters.Add(("limit", limit));
            parameters.Add(("offset", offset));
            await using var command = Sql.Command(connection, null, $"""
                SELECT kind, doc_id, body_id, province_id, commune, field, parent_id, title, text, updated_at, score
                FROM (SELECT kind, doc_id, body_id, province_id, commune, field, parent_id, title, text, updated_at, ({score}) AS score
                      FROM search_documents WHERE {where}) AS hits
                ORDER BY score DESC, updated_at DESC, kind, doc_id
                LIMIT @limit OFFSET @offset
                """, [.. parameters]);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(new SearchHit(
                    Enum.Parse<SearchKind>(reader.GetString(0)), reader.GetString(1), reader.GetString(2), Text(reader, 3), Text(reader, 4),
                    Text(reader, 5), Text(reader, 6), reader.GetString(7), Excerpt(reader.GetString(8), terms),
                    DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    Convert.ToInt32(reader.GetValue(10), CultureInfo.InvariantCulture)));
            }
        }

        return new SearchPage(items, total, offset, limit, terms);

        static string? Text(System.Data.Common.DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
    }

    /// <summary>
    /// About <see cref="ExcerptLength"/> characters of the text around the first word that matched, cut at
    /// word boundaries: folding keeps one folded word per written word, so the word index carries over.
    /// </summary>
    public static string Excerpt(string text, IReadOnlyList<string> terms)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(words, w => SearchText.Fold(w).Split(' ').Any(f => terms.Any(t => f.StartsWith(t, StringComparison.Ordinal))));
        var start = Math.Max(0, first - 8);
        var excerpt = new StringBuilder(start > 0 ? "… " : "");
        for (var i = start; i < words.Length; i++)
        {
            if (excerpt.Length + words[i].Length > ExcerptLength)
            {
                excerpt.Append(" …");
                break;
            }

            excerpt.Append(i > start ? " " : "").Append(words[i]);
        }

        return excerpt.ToString();
    }
}
