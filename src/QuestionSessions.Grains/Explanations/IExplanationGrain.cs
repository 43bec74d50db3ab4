using QuestionSessions.Domain.Explanations;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Explanations;

/// <summary>One request for explanation (yêu cầu giải trình), keyed by its id.</summary>
public interface IExplanationGrain : IAggregateGrain<ExplanationCommand, ExplanationState>, IGrainWithGuidKey;
