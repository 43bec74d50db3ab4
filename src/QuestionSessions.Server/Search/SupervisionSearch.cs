using System.Text.Json;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Places;
using QuestionSessions.Domain.Supervision;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Search;

/// <summary>
/// Keeps each supervision topic in the search under its title, with the plain text of its scope, who supervises
/// and the agencies supervised; and each finding of its draft report as a document of its own under the topic's
/// title, read on the topic's page (<see cref="SearchDocument.ParentId"/>). The state keeps no finding's text, so
/// findings are indexed from their events as they are recorded.
/// </summary>
internal sealed class SupervisionSearch : IProjection<SupervisionState>
{
    private static readonly string FindingAlias = typeof(FindingRecorded).GetCustomAttributes(typeof(EventAliasAttribute), false)
        .Cast<EventAliasAttribute>().Single().Alias;

    public IEnumerable<ProjectionWrite> Project(string streamId, SupervisionState before, SupervisionState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists)
        {
            yield break;
        }

        var province = Provinces.OfBody(after.BodyId)?.ProvinceId;
        var topicId = after.TopicId.ToString();
        if (!before.Exists)
        {
            var text = string.Join(" · ", after.Supervised.Select(a => a.AgencyName).Prepend(after.AssignedTo).Prepend(Plain(after.ScopeMarkdown)));
            yield return SearchIndex.Upsert(new SearchDocument(
                SearchKind.Supervision, topicId, after.BodyId, after.Title, text, after.DecidedAt, ProvinceId: province));
        }

        foreach (var @event in events.Where(e => e.Type == FindingAlias))
        {
            var finding = JsonSerializer.Deserialize<FindingRecorded>(@event.Data, Json.Options)!;
            yield return SearchIndex.Upsert(new SearchDocument(
                SearchKind.Supervision, finding.FindingId.ToString(), after.BodyId, after.Title, Plain(finding.Markdown), finding.At,
                ProvinceId: province, ParentId: topicId));
        }
    }

    private static string Plain(string markdown) => Markdig.Markdown.ToPlainText(markdown).Trim();
}
