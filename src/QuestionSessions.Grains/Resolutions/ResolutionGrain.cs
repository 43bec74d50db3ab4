using Microsoft.Extensions.Logging;
using QuestionSessions.Domain.Resolutions;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Commitments;

namespace QuestionSessions.Grains.Resolutions;

/// <summary>A body's resolution on questioning, keyed by its id.</summary>
public interface IResolutionGrain : IAggregateGrain<ResolutionCommand, ResolutionState>, IGrainWithGuidKey;

/// <summary>
/// A resolution and the clauses given to agencies. Each new assignment nudges the commitments intake, which
/// opens the clause's commitment (its sweep covers a nudge lost with a silo).
/// </summary>
public sealed class ResolutionGrain(AggregateServices<ResolutionState> services, ILogger<ResolutionGrain> logger)
    : EventSourcedGrain<ResolutionDecider, ResolutionState, ResolutionCommand, ResolutionEvent>(services, logger), IResolutionGrain
{
    private int _assigned = -1;

    public static string StreamId(Guid resolutionId) => StreamIdOf(resolutionId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();

    protected override Task OnStateChangedAsync(CancellationToken cancellationToken)
    {
        var grew = _assigned >= 0 && State.Assignments.Count > _assigned;
        _assigned = State.Assignments.Count;
        return grew ? GrainFactory.GetGrain<ICommitmentIntakeGrain>(0).Nudge() : Task.CompletedTask;
    }
}
