namespace QuestionSessions.Grains.Commitments;

/// <summary>
/// Opens a commitment grain for every commitment recorded in a sitting, every question a sitting leaves
/// owed a written answer, every clause of a resolution given to an agency and every recommendation of a
/// topical supervision. One activation in the cluster (key 0) reads the store's gap-safe feed from a
/// checkpoint kept in Orleans grain storage; a sitting, a resolution or a supervision topic nudges it after
/// such an append, and a reminder runs it every few minutes in case a nudge was lost with its silo.
/// </summary>
public interface ICommitmentIntakeGrain : IGrainWithIntegerKey
{
    /// <summary>Asks for a catch-up soon; returns at once.</summary>
    [OneWay]
    Task Nudge();

    /// <summary>Reads the feed up to its current end and returns how many commitments it opened.</summary>
    Task<int> CatchUp(CancellationToken cancellationToken = default);
}
