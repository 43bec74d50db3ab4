using QuestionSessions.Domain.Bodies;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Bodies;

/// <summary>An elected body, keyed by its id ("na", "pc-hue", …): members, officials and rules profiles.</summary>
public interface IBodyGrain : IAggregateGrain<BodyCommand, BodyState>, IGrainWithStringKey;
