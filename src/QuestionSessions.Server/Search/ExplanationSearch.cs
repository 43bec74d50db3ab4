using QuestionSessions.Domain.Explanations;
using QuestionSessions.Domain.Places;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Search;

/// <summary>
/// Keeps in the search the requests for explanation whose requesters allowed publication at filing: the subject as
/// title, the matter and, once given, the explanation as text, under the body of the agency holding the request.
/// Never the requester: the state holds only their subject id, and nothing here reads it. A request filed without
/// consent never enters (consent is given at filing only, so nothing is ever taken out again).
/// </summary>
internal sealed class ExplanationSearch : IProjection<ExplanationState>
{
    public IEnumerable<ProjectionWrite> Project(
        string streamId, ExplanationState before, ExplanationState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        // Only what the search shows: filing, a move to another agency (and body), the explanation.
        if (!after.Exists || !after.Publish || after.Agency is not { } agency
            || (before.Exists && before.Agency == after.Agency && before.Explanation == after.Explanation))
        {
            yield break;
        }

        var text = after.Explanation is { } explanation
            ? $"{after.Matter} · {Markdig.Markdown.ToPlainText(explanation).Trim()}"
            : after.Matter;
        yield return SearchIndex.Upsert(new SearchDocument(
            SearchKind.Explanation, after.RequestId.ToString(), agency.AgencyBodyId, after.Subject, text, after.UpdatedAt,
            ProvinceId: Provinces.OfBody(agency.AgencyBodyId)?.ProvinceId));
    }
}
