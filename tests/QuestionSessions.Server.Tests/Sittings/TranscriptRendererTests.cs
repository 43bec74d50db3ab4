using AngleSharp.Html.Parser;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Tests.Sittings;

/// <summary>
/// Markdown from secretariats, officials and filers becomes HTML on public pages: whatever is typed, the
/// HTML holds only the allow-listed tags, no script, no style, no event attribute and no address but
/// http, https or mailto, and every link opens without handing over the page.
/// </summary>
public sealed class TranscriptRendererTests
{
    private static readonly string[] AllowedTags =
        ["p", "br", "hr", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "ul", "ol", "li", "h1", "h2", "a", "img"];

    private static readonly string[] AllowedAttributes = ["href", "title", "src", "alt", "start", "rel"];

    private readonly TranscriptRenderer _renderer = new();

    [Theory]
    [InlineData("[xem](javascript:alert(1))")]
    [InlineData("[xem](JaVaScRiPt:alert(1))")]
    [InlineData("[xem](java\tscript:alert(1))")]
    [InlineData("[xem](&#106;avascript:alert(1))")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("[xem](vbscript:msgbox(1))")]
    [InlineData("![ảnh](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[xem](data:text/html,<script>alert(1)</script>)")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<svg onload=alert(1)><script>alert(1)</script></svg>")]
    [InlineData("<a href=\"javascript:alert(1)\">Bộ trưởng</a>")]
    [InlineData("<style>body{display:none}</style><p style=\"color:red\">Phiên họp</p>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("**<img src=x onerror=alert(1)>**")]
    [InlineData("[<img src=x onerror=alert(1)>](https://quochoi.vn)")]
    [InlineData("[xem](https://quochoi.vn \"\\\" onmouseover=\\\"alert(1)\")")]
    [InlineData("> <details open ontoggle=alert(1)>")]
    [InlineData("`<script>` <scr<script>ipt>alert(1)</script>")]
    public void Attack_strings_come_out_without_anything_that_runs(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        // Read back as a browser would: only the allow-listed elements and attributes, only safe addresses.
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, AllowedAttributes);
                if (attribute.Name is "href" or "src")
                {
                    Assert.Matches("^(https?:|mailto:|[^:]*$)", attribute.Value.Trim());
                }
            }
        }
    }

    [Fact]
    public void The_second_pass_strips_markup_that_got_past_markdown()
    {
        var html = _renderer.Sanitize(
            "<p onclick=\"alert(1)\" style=\"color:red\" class=\"x\">Phiên <b>họp</b><img src=\"x\" onerror=\"alert(1)\">" +
            "<a href=\"javascript:alert(1)\">xem</a><a href=\"https://quochoi.vn\" target=\"_blank\">nguồn</a>" +
            "<svg><script>alert(1)</script></svg><iframe src=\"https://evil.example\"></iframe><img src=\"data:image/svg+xml,<svg onload=alert(1)>\"></p>");

        Assert.StartsWith("<p>Phiên ", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://quochoi.vn\" rel=\"noopener noreferrer nofollow\">nguồn</a>", html, StringComparison.Ordinal);
        foreach (var gone in new[] { "onclick", "style", "class", "onerror", "javascript:", "<svg", "<script", "<iframe", "data:", "target", "<b>" })
        {
            Assert.DoesNotContain(gone, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Markdown_is_rendered_with_its_emphasis_lists_and_quotes()
    {
        var html = _renderer.ToHtml("**Cam kết** _rà soát_ ~~cũ~~\n\n1. Thuốc\n2. Vật tư\n\n> Ý kiến cử tri");

        Assert.Contains("<strong>Cam kết</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>rà soát</em>", html, StringComparison.Ordinal);
        Assert.Contains("<del>cũ</del>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Vật tư</li>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[nguồn](https://quochoi.vn/van-ban)", "https://quochoi.vn/van-ban")]
    [InlineData("[nguồn](http://hdnd.hanoi.gov.vn)", "http://hdnd.hanoi.gov.vn")]
    [InlineData("<mailto:vanphong@quochoi.vn>", "mailto:vanphong@quochoi.vn")]
    [InlineData("Xem https://quochoi.vn/tin-tuc", "https://quochoi.vn/tin-tuc")]
    public void Safe_links_are_kept_and_open_without_the_opener_or_the_referrer(string markdown, string href)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.Contains($"href=\"{href}\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_dropped()
    {
        var html = _renderer.ToHtml("Đại biểu viết <b>in đậm</b>");

        Assert.Contains("&lt;b&gt;in đậm&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}
