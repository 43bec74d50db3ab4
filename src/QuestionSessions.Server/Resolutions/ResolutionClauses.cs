using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using QuestionSessions.Domain.Resolutions;

namespace QuestionSessions.Server.Resolutions;

/// <summary>
/// Reads a resolution's numbered clauses from its Markdown: every item of an ordered list at the top level of
/// the document is a clause, numbered as written ("3." is clause 3, wherever the list starts), its text the
/// item's own Markdown without the number. Nested lists stay inside their clause.
/// </summary>
internal static partial class ResolutionClauses
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePreciseSourceLocation().Build();

    public static IReadOnlyList<ResolutionClause> Read(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var clauses = new List<ResolutionClause>();
        foreach (var list in document.OfType<ListBlock>().Where(l => l.IsOrdered))
        {
            var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
            foreach (var item in list.OfType<ListItemBlock>())
            {
                var order = item.Order > 0 ? item.Order : number;
                var source = markdown.Substring(item.Span.Start, Math.Min(item.Span.Length, markdown.Length - item.Span.Start));
                clauses.Add(new ResolutionClause(order, Marker().Replace(source, "", 1).Trim()));
                number = order + 1;
            }
        }

        return clauses;
    }

    [GeneratedRegex(@"^\s*\d{1,9}[.)]\s*")]
    private static partial Regex Marker();
}
