using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Places;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Search;

/// <summary>Keeps each commitment (and question owed a written answer) in the search, as the public ledger shows it.</summary>
internal sealed class CommitmentSearch : IProjection<CommitmentState>
{
    public IEnumerable<ProjectionWrite> Project(string streamId, CommitmentState before, CommitmentState after, long firstVersion, IReadOnlyList<NewEvent> events)
    {
        // Only what the search shows: the text, who owns it, the expected result. Progress and status do not change it.
        if (!after.Exists || after.Provenance is not { } source || after.Owner is not { } owner
            || (before.Exists && before.Text == after.Text && before.Owner == after.Owner && before.ExpectedResult == after.ExpectedResult))
        {
            yield break;
        }

        var text = string.Join(" · ", new[] { owner.AgencyName, owner.OfficialName, after.ExpectedResult }.Where(t => !string.IsNullOrWhiteSpace(t)));
        yield return SearchIndex.Upsert(new SearchDocument(
            SearchKind.Commitment, after.CommitmentId.ToString(), source.BodyId, after.Text, text, after.MadeAt,
            ProvinceId: Provinces.OfBody(source.BodyId)?.ProvinceId));
    }
}
