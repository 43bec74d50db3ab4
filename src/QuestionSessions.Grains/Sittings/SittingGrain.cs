using Microsoft.Extensions.Logging;
using Orleans.Placement;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Commitments;

namespace QuestionSessions.Grains.Sittings;

/// <summary>
/// Placed on the node that first uses it: the secretariat's and chair's consoles, which send nearly all of a
/// sitting's commands, are usually served by one node, so most commands then take no extra hop.
/// </summary>
[PreferLocalPlacement]
public sealed class SittingGrain(AggregateServices<SittingState> services, ILogger<SittingGrain> logger)
    : EventSourcedGrain<SittingDecider, SittingState, SittingCommand, SittingEvent>(services, logger), ISittingGrain
{
    /// <summary>The event stream of the sitting with this id.</summary>
    public static string StreamId(Guid sittingId) => StreamIdOf(sittingId.ToString());

    protected override string Key => this.GetPrimaryKey().ToString();

    // What the commitments ledger takes from a sitting, counted so the intake is nudged only when it grew.
    private int _owed = -1;

    /// <summary>
    /// After a commitment is recorded or a question is left owed a written answer, the intake is told at once
    /// (one-way: the command does not wait for the ledger); its periodic sweep covers a nudge lost with a silo.
    /// </summary>
    protected override Task OnStateChangedAsync(CancellationToken cancellationToken)
    {
        // Clusters too: a follow-up cluster added to the agenda links the commitments it questions again.
        var owed = State.Commitments.Count + State.Questions.Count(q => q.WrittenAnswerDueBy is not null) + State.Clusters.Count;
        var grew = _owed >= 0 && owed > _owed;
        _owed = owed;
        return grew ? GrainFactory.GetGrain<ICommitmentIntakeGrain>(0).Nudge() : Task.CompletedTask;
    }
}
