using QuestionSessions.Domain.Supervision;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Supervision;

/// <summary>One topical supervision (giám sát chuyên đề), keyed by its topic id.</summary>
public interface ISupervisionGrain : IAggregateGrain<SupervisionCommand, SupervisionState>, IGrainWithGuidKey;
