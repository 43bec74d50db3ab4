using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Sittings;

/// <summary>A questioning sitting, keyed by its id. Commands are the domain's; so are the refusals.</summary>
public interface ISittingGrain : IAggregateGrain<SittingCommand, SittingState>, IGrainWithGuidKey;
