using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Commitments;

/// <summary>
/// The ledger for people who do not visit the page: the whole ledger (or a filtered part) as CSV and JSON,
/// an Atom feed of the latest changes, and an iCalendar of the deadlines still open. Every format is built
/// from the same filter as the tracker, so a feed of one agency or one body is the tracker's list of it.
/// </summary>
internal static class CommitmentFeeds
{
    /// <summary>How many changes an Atom feed carries: the most recent first.</summary>
    public const int FeedEntries = 100;

    /// <summary>How many deadlines a calendar carries: the soonest first.</summary>
    public const int CalendarEvents = 2_000;

    public static async Task WriteCsvAsync(IEventStore store, LedgerFilter filter, DateOnly today, Stream body, CancellationToken cancellationToken)
    {
        var (where, parameters) = filter.ToSql(today);
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = Sql.Command(connection, null,
            $"SELECT {CommitmentLedger.Columns} FROM commitment_ledger {where} ORDER BY {LedgerReader.ByDeadline}", [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await CsvExport.WriteAsync(reader, writer, null, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>An Atom feed: one entry per commitment, the latest changed first, linking to its page.</summary>
    public static async Task<string> AtomAsync(
        IEventStore store, LedgerFilter filter, DateOnly today, Uri site, Uri self, string title, CancellationToken cancellationToken)
    {
        var page = await LedgerReader.PageAsync(store, filter, today, 0, FeedEntries, cancellationToken, LedgerReader.ByLatestChange);
        var items = page.Items.Select(c =>
        {
            var link = new Uri(site, $"/commitments/{c.CommitmentId}");
            var summary = $"{c.AgencyName} — {Status(c)} — hạn {c.Deadline:dd/MM/yyyy}" + (c.Overdue ? " (quá hạn)" : "");
            var item = new SyndicationItem(c.Text, summary, link, $"urn:uuid:{c.CommitmentId}", c.UpdatedAt);
            item.Authors.Add(new SyndicationPerson { Name = c.AgencyName });
            item.Categories.Add(new SyndicationCategory(c.Status.ToString()));
            return item;
        }).ToList();
        var feed = new SyndicationFeed(title, "Theo dõi thực hiện cam kết", new Uri(site, "/commitments"), self.AbsoluteUri,
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, items)
        {
            Language = "vi",
        };
        feed.Links.Add(new SyndicationLink(self) { RelationshipType = "self", MediaType = "application/atom+xml" });

        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(xml);
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// An iCalendar of the deadlines of commitments not yet kept: one all-day event each on its deadline
    /// (Hanoi dates), with the same UID across downloads so a calendar moves an amended deadline rather than
    /// adding a second one.
    /// </summary>
    public static async Task<string> CalendarAsync(
        IEventStore store, LedgerFilter filter, DateOnly today, Uri site, string name, CancellationToken cancellationToken)
    {
        var open = filter with { Statuses = [.. LedgerFilter.OverdueStatuses, Domain.Commitments.CommitmentStatus.Claimed] };
        var page = await LedgerReader.PageAsync(store, open, today, 0, CalendarEvents, cancellationToken);
        var calendar = new Calendar { ProductId = "-//QuestionSessions//Commitments//VI" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        foreach (var c in page.Items)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{c.CommitmentId}@questionsessions",
                Summary = $"Hạn cam kết: {c.Text}",
                Description = $"{c.AgencyName}{(c.OfficialName is null ? "" : $" — {c.OfficialName}")}. {Status(c)}.",
                Start = new CalDateTime(c.Deadline),
                End = new CalDateTime(c.Deadline.AddDays(1)),
                Url = new Uri(site, $"/commitments/{c.CommitmentId}"),
                DtStamp = new CalDateTime(c.UpdatedAt.UtcDateTime),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Status(CommitmentSummary c) => c.Status switch
    {
        Domain.Commitments.CommitmentStatus.InProgress => "đang thực hiện",
        Domain.Commitments.CommitmentStatus.Submitted => "đã trình cấp có thẩm quyền",
        Domain.Commitments.CommitmentStatus.Claimed => "báo cáo đã hoàn thành",
        Domain.Commitments.CommitmentStatus.Verified => "đã xác nhận hoàn thành",
        Domain.Commitments.CommitmentStatus.Disputed => "chưa được thừa nhận",
        Domain.Commitments.CommitmentStatus.PartiallyFulfilled => "hoàn thành một phần",
        Domain.Commitments.CommitmentStatus.NotFulfilled => "không thực hiện",
        _ => "đã rút",
    };
}
