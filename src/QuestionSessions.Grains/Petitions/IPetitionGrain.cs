using QuestionSessions.Domain.Petitions;
using QuestionSessions.Grains.Aggregates;

namespace QuestionSessions.Grains.Petitions;

/// <summary>One voter petition (kiến nghị cử tri), keyed by its id.</summary>
public interface IPetitionGrain : IAggregateGrain<PetitionCommand, PetitionState>, IGrainWithGuidKey;
