using QuestionSessions.Domain.Petitions;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Search;

/// <summary>
/// Keeps each petition in the search under its title, with every source's text (what voters asked, never who
/// they are) and the latest answer's outcome; a duplicate merged into another leaves the search, found through its keeper.
/// </summary>
internal sealed class PetitionSearch : IProjection<PetitionState>
{
    public IEnumerable<ProjectionWrite> Project(string streamId, PetitionState before, PetitionState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        if (!after.Exists || after.Sources.IsEmpty)
        {
            yield break;
        }

        if (after.MergedInto is not null)
        {
            if (before.MergedInto is null)
            {
                yield return SearchIndex.Remove(SearchKind.Petition, after.PetitionId.ToString());
            }

            yield break;
        }

        if (before.Exists && before.Sources.Count == after.Sources.Count && before.Routing == after.Routing)
        {
            yield break;
        }

        var first = after.Sources[0];
        // What voters asked first (excerpts are cut from the front), then who answers.
        var text = string.Join(" · ", after.Sources.Select(s => s.Text).Append(after.Routing?.AgencyName ?? "").Where(t => t.Length > 0));
        yield return SearchIndex.Upsert(new SearchDocument(
            SearchKind.Petition, after.PetitionId.ToString(), after.BodyId, after.Title, text, after.FiledAt,
            first.Locality.ProvinceId, first.Locality.Commune, after.Field.ToString()));
    }
}
