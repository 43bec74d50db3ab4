using QuestionSessions.Domain.Commitments;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Commitments;

/// <summary>One commitment (or a question owed a written answer), keyed by its id.</summary>
public interface ICommitmentGrain : IAggregateGrain<CommitmentCommand, CommitmentState>, IGrainWithGuidKey;
