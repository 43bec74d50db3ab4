using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// Renders transcript Markdown for the public page: raw HTML is off (shown as text), and links or
/// images whose address is not http, https or mailto are dropped, keeping their text.
/// </summary>
internal sealed class TranscriptRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().UseAutoLinks().Build();

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                Unwrap(link);
            }
        }

        foreach (var link in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(link.Url))
            {
                link.ReplaceBy(new LiteralInline(link.Url));
            }
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        // Relative addresses have no scheme to abuse; absolute ones must be one of the plain web schemes.
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return !url.Contains(':', StringComparison.Ordinal);
        }

        return uri.Scheme is "http" or "https" or "mailto";
    }

    private static void Unwrap(LinkInline link)
    {
        // An unsafe image becomes its alt text; an unsafe link keeps its text without the address.
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }
}
