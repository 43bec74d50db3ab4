using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// The one Markdown renderer of the server: transcripts, petition answers, explanations, resolutions,
/// supervision texts. Raw HTML is off (shown as text), and links or images whose address is not http,
/// https or mailto are dropped, keeping their text. The HTML Markdig writes is then sanitised again against
/// an allow-list of the tags Markdown makes (no style, no script, no event attribute, links http, https or
/// mailto with <c>rel="noopener noreferrer nofollow"</c>): a Markdig defect or a new extension must not
/// reach the page as markup.
/// </summary>
internal sealed class TranscriptRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().UseAutoLinks().Build();
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

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
        return Sanitize(writer.ToString());
    }

    /// <summary>The second pass alone, over HTML as Markdig might write it.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        // Configured once here and never changed after: Sanitize is then safe to call from many threads.
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
                "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "src", "alt", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } link)
            {
                link.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
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
