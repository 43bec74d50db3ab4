using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Commitments;

/// <summary>
/// The ledger as files and feeds, read back with the libraries a subscriber would use: CSV and JSON hold
/// the same commitments as the tracker, the Atom feed and the iCalendar parse and link to the commitments'
/// pages, a formula in a commitment's text is not run by a spreadsheet, and a bad filter is a problem.
/// </summary>
public sealed class CommitmentFeedTests : SqliteNodeTest
{
    [Fact]
    public async Task Csv_and_json_hold_every_commitment_the_filter_matches_and_a_formula_stays_text()
    {
        using var secretariat = await Node.SignInAsync("secretariat.na");
        using var chair = await Node.SignInAsync("chair.na");
        var questionId = await Ledger.AskAsync(Node, chair.Http);
        AcceptedVersion(await SittingAsync(secretariat.Http, DemoSitting, "/commitments",
            new { questionId, text = "=HYPERLINK(\"https://evil.example\",\"Bấm vào đây\")", beforeSession = 3 }));

        using var http = Node.Anonymous();
        // The demo's six from Huế and two from the National Assembly's resolution, and the one recorded here.
        var tracker = await Ledger.Eventually(http, "/api/commitments?limit=200", p => p.GetProperty("total").GetInt32() == 9);
        var ids = tracker.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("commitmentId").GetString()).ToHashSet();

        var csv = await http.GetStringAsync("/api/commitments/export.csv", TestContext.Current.CancellationToken);
        using var reader = CsvReader.Create(new StringReader(csv), new CsvReaderOptions());
        var rows = new List<Dictionary<string, string?>>();
        reader.ReadHeader();
        var headers = reader.Headers!.ToList();
        while (reader.Read())
        {
            rows.Add(headers.ToDictionary(h => h, h => reader.GetStringOrNull(h)));
        }

        Assert.Equal(ids, rows.Select(r => r["commitment_id"]).ToHashSet());
        var formula = Assert.Single(rows, r => r["text"]!.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.False(formula["text"]!.StartsWith('='), formula["text"]);
        Assert.Equal("na-a-health", formula["agency_id"]);
        Assert.Equal("session:3", formula["deadline_label"]);
        Assert.Contains(rows, r => r["text"]!.StartsWith("Công khai danh mục thuốc", StringComparison.Ordinal) && r["overdue_since"] is { Length: 10 });

        var json = await GetAsync(http, "/api/commitments/export.json?body=pc-hue&kind=commitment");
        Assert.Equal(4, json.GetArrayLength());
        Assert.All(json.EnumerateArray(), c => Assert.Equal("pc-hue", c.GetProperty("bodyId").GetString()));
    }

    [Fact]
    public async Task The_atom_feed_and_the_deadline_calendar_parse_and_link_to_each_commitment()
    {
        using var http = Node.Anonymous();
        var ledger = await Ledger.Eventually(http, "/api/commitments?agency=hue-a-health", p => p.GetProperty("total").GetInt32() == 3);
        var ids = ledger.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("commitmentId").GetGuid()).ToHashSet();

        using var atom = await http.GetAsync("/api/commitments/feed.atom?agency=hue-a-health", TestContext.Current.CancellationToken);
        Assert.Equal("application/atom+xml", atom.Content.Headers.ContentType!.MediaType);
        using var xml = XmlReader.Create(await atom.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        var feed = SyndicationFeed.Load(xml);
        Assert.Equal(ids, feed.Items.Select(i => Guid.Parse(i.Id["urn:uuid:".Length..])).ToHashSet());
        Assert.All(feed.Items, i => Assert.EndsWith($"/commitments/{i.Id["urn:uuid:".Length..]}", i.Links[0].Uri.AbsoluteUri, StringComparison.Ordinal));
        Assert.Contains(feed.Links, l => l.RelationshipType == "self" && l.Uri.Query.Contains("agency=hue-a-health", StringComparison.Ordinal));

        var ics = await http.GetStringAsync("/api/commitments/deadlines.ics?agency=hue-a-health", TestContext.Current.CancellationToken);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        Assert.Equal(ids.Select(id => $"{id}@questionsessions").ToHashSet(), calendar.Events.Select(e => e.Uid!).ToHashSet());
        var items = ledger.GetProperty("items").EnumerateArray().ToDictionary(i => $"{i.GetProperty("commitmentId").GetGuid()}@questionsessions");
        Assert.All(calendar.Events, e =>
        {
            Assert.False(e.Start!.HasTime);
            Assert.Equal(items[e.Uid!].GetProperty("deadline").GetString(), e.Start.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public async Task A_bad_filter_on_an_export_or_a_feed_is_a_problem()
    {
        using var http = Node.Anonymous();
        foreach (var path in (string[])["export.csv?status=done", "export.json?window=late", "feed.atom?kind=x", "deadlines.ics?status=0"])
        {
            using var response = await http.GetAsync($"/api/commitments/{path}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        }
    }
}
