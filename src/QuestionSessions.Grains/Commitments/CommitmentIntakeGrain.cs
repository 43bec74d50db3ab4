using Microsoft.Extensions.Logging;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Resolutions;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Domain.Supervision;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Bodies;
using QuestionSessions.Grains.Resolutions;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Grains.Supervision;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Grains.Commitments;

/// <summary>Where the intake has read the feed to, kept by Orleans' grain storage.</summary>
[GenerateSerializer]
public sealed class IntakeCheckpoint
{
    [Id(0)]
    public long TransactionId { get; set; }

    [Id(1)]
    public long Position { get; set; }
}

/// <remarks>
/// Safe to repeat: a commitment's id is the one the sitting recorded (or, for a written answer, derived
/// from the sitting and question; for a clause or a recommendation, from the resolution or the topic), and
/// making a commitment that exists with the same source is a no-op.
/// So the checkpoint is written after the commitments of a page are made, and a crash in between only
/// makes them again, harmlessly. A commitment the ledger cannot open (its official names no registered
/// agency) is logged and left; the checkpoint moves on.
/// </remarks>
public sealed class CommitmentIntakeGrain(
    [PersistentState("commitment-intake")] IPersistentState<IntakeCheckpoint> checkpoint,
    IEventStore store,
    ILogger<CommitmentIntakeGrain> logger) : Grain, ICommitmentIntakeGrain, IRemindable
{
    public const string SweepReminder = "sweep";

    private const int Page = 500;

    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(5);

    private static readonly EventCodec<SittingEvent> Codec = new();

    private static readonly EventCodec<ResolutionEvent> ResolutionCodec = new();

    private static readonly EventCodec<SupervisionEvent> SupervisionCodec = new();

    private static readonly string SittingPrefix = SittingGrain.StreamId(Guid.Empty)[..^Guid.Empty.ToString().Length];

    private static readonly string ResolutionPrefix = ResolutionGrain.StreamId(Guid.Empty)[..^Guid.Empty.ToString().Length];

    private static readonly string SupervisionPrefix = SupervisionGrain.StreamId(Guid.Empty)[..^Guid.Empty.ToString().Length];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await this.RegisterOrUpdateReminder(SweepReminder, SweepPeriod, SweepPeriod, cancellationToken);
    }

    public async Task Nudge() => await CatchUp();

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == SweepReminder)
        {
            await CatchUp();
        }
    }

    public async Task<int> CatchUp(CancellationToken cancellationToken = default)
    {
        var opened = 0;
        while (true)
        {
            var from = new FeedPosition(checkpoint.State.TransactionId, checkpoint.State.Position);
            var page = await store.ReadFeedAsync(from, Page, cancellationToken);
            foreach (var entry in page.Entries)
            {
                var stored = entry.Event;
                if (stored.Type is "commitment_recorded" or "written_answer_required" && IdIn(stored, SittingPrefix) is { } sittingId)
                {
                    opened += await OpenAsync(sittingId, Codec.Decode(stored), cancellationToken) ? 1 : 0;
                }
                else if (stored.Type == "cluster_added" && IdIn(stored, SittingPrefix) is { } agendaSittingId
                    && Codec.Decode(stored) is ClusterAdded { FollowUpOf.Count: > 0 } added)
                {
                    await LinkFollowUpAsync(agendaSittingId, added, cancellationToken);
                }
                else if (stored.Type == "clause_assigned" && IdIn(stored, ResolutionPrefix) is { } resolutionId
                    && ResolutionCodec.Decode(stored) is ClauseAssigned assigned)
                {
                    opened += await OpenClauseAsync(resolutionId, assigned, cancellationToken) ? 1 : 0;
                }
                else if (stored.Type == "recommendation_made" && IdIn(stored, SupervisionPrefix) is { } topicId
                    && SupervisionCodec.Decode(stored) is RecommendationMade recommended)
                {
                    opened += await OpenRecommendationAsync(topicId, recommended, cancellationToken) ? 1 : 0;
                }
            }

            if (page.Next != from)
            {
                checkpoint.State.TransactionId = page.Next.TransactionId;
                checkpoint.State.Position = page.Next.Position;
                await checkpoint.WriteStateAsync(cancellationToken);
            }

            if (page.Entries.Count < Page)
            {
                return opened;
            }
        }
    }

    /// <summary>The aggregate id of a stream of the category <paramref name="prefix"/> names, or null for another category.</summary>
    private static Guid? IdIn(StoredEvent stored, string prefix) =>
        stored.StreamId.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(stored.StreamId.AsSpan(prefix.Length), out var id) ? id : null;

    /// <summary>The id of the commitment tracking a question owed a written answer.</summary>
    public static Guid WrittenAnswerId(Guid sittingId, Guid questionId) =>
        DerivedId.Of($"written-answer|{sittingId:N}|{questionId:N}");

    private async Task<bool> OpenAsync(Guid sittingId, SittingEvent @event, CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken) is not (var sitting, _))
        {
            return false;
        }

        var (commitmentId, kind, questionId, official, ownerAgency, text, deadline, by) = @event switch
        {
            CommitmentRecorded e => (e.CommitmentId, CommitmentKind.Commitment, e.QuestionId, e.Respondent, e.AgencyId, e.Text,
                new CommitmentDeadline(e.Deadline, e.DeadlineLabel), (ActorRef?)e.By),
            WrittenAnswerRequired e => (WrittenAnswerId(sittingId, e.QuestionId), CommitmentKind.WrittenAnswer, e.QuestionId, e.Respondent, null,
                sitting.Question(e.QuestionId)?.Text ?? "", new CommitmentDeadline(e.DueBy), (ActorRef?)null),
            _ => default,
        };

        if (sitting.Question(questionId) is not { } question)
        {
            logger.LogWarning("Sitting {Sitting}: {Event} names question {Question}, which the sitting does not have; no commitment opened",
                sittingId, @event.GetType().Name, questionId);
            return false;
        }

        var (owner, term) = await OwnerOfAsync(sitting.BodyId, official, ownerAgency, cancellationToken);
        if (owner is null)
        {
            logger.LogWarning("Sitting {Sitting}: official {Official} names no registered agency; commitment {Commitment} not opened",
                sittingId, official.OfficialId, commitmentId);
            return false;
        }

        var provenance = new Provenance(SourceKind.Answer, sitting.BodyId, sittingId, question.ClusterId, questionId, question.DeputyId, Term: term);
        var make = new MakeCommitment(commitmentId, kind, provenance, [owner], text, null,
            deadline, by, Actor.System, @event.At);
        return await MakeAsync(make, $"Sitting {sittingId}", cancellationToken);
    }

    private async Task<bool> OpenClauseAsync(Guid resolutionId, ClauseAssigned assigned, CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<IResolutionGrain>(resolutionId).Get(cancellationToken) is not (var resolution, _)
            || resolution.Clause(assigned.Clause) is not { } clause)
        {
            logger.LogWarning("Resolution {Resolution}: clause {Clause} is not in the resolution; no commitment opened", resolutionId, assigned.Clause);
            return false;
        }

        var provenance = new Provenance(SourceKind.ResolutionClause, resolution.BodyId, ResolutionId: resolutionId, Clause: clause.Number, Term: resolution.Term);
        var make = new MakeCommitment(assigned.CommitmentId, CommitmentKind.Commitment, provenance, [assigned.Owner], clause.Text,
            assigned.ExpectedResult, assigned.Deadline, assigned.By, Actor.System, assigned.At);
        return await MakeAsync(make, $"Resolution {resolutionId} clause {clause.Number}", cancellationToken);
    }

    /// <summary>A supervision's recommendation: the event carries everything its commitment needs.</summary>
    private Task<bool> OpenRecommendationAsync(Guid topicId, RecommendationMade e, CancellationToken cancellationToken)
    {
        var make = new MakeCommitment(e.CommitmentId, CommitmentKind.Commitment, e.ToProvenance(), [e.ToOwner()], e.Text,
            e.ExpectedResult, e.Deadline, e.By, Actor.System, e.At);
        return MakeAsync(make, $"Supervision {topicId} recommendation {e.RecommendationId}", cancellationToken);
    }

    /// <summary>Each commitment a follow-up cluster questions again records the sitting and cluster: the link both ways.</summary>
    private async Task LinkFollowUpAsync(Guid sittingId, ClusterAdded added, CancellationToken cancellationToken)
    {
        foreach (var commitmentId in added.FollowUpOf)
        {
            var reply = await GrainFactory.GetGrain<ICommitmentGrain>(commitmentId).ExecuteAsync(
                new LinkRequestioning(sittingId, added.Cluster.ClusterId, Actor.System, added.At), new CommandOptions(CorrelationId: "intake"), cancellationToken);
            if (reply.Error is { } error)
            {
                logger.LogWarning("Sitting {Sitting}: commitment {Commitment} not linked to its follow-up cluster: {Code}", sittingId, commitmentId, error.Code);
            }
        }
    }

    private async Task<bool> MakeAsync(MakeCommitment make, string source, CancellationToken cancellationToken)
    {
        var reply = await GrainFactory.GetGrain<ICommitmentGrain>(make.CommitmentId).ExecuteAsync(make, new CommandOptions(CorrelationId: "intake"), cancellationToken);
        if (reply.Error is { } error)
        {
            logger.LogWarning("{Source}: commitment {Commitment} refused by the ledger: {Code} {Message}", source, make.CommitmentId, error.Code, error.Message);
            return false;
        }

        return reply.Outcome == CommandOutcome.Accepted && reply.Version == 1;
    }

    /// <summary>
    /// The owner agency: the one the sitting named when it is a registered agency of the body (the endpoint
    /// checks it), else the agency of the official who answered; with the body's term.
    /// </summary>
    private async Task<(CommitmentOwner? Owner, string? Term)> OwnerOfAsync(
        string bodyId, Respondent official, string? named, CancellationToken cancellationToken)
    {
        if (await GrainFactory.GetGrain<IBodyGrain>(bodyId).Get(cancellationToken) is not (var body, _))
        {
            return (null, null);
        }

        var agencyId = named is not null && body.Agencies.ContainsKey(named)
            ? named
            : body.Officials.TryGetValue(official.OfficialId, out var appointed) ? appointed.AgencyId : null;
        return agencyId is not null && body.Agencies.TryGetValue(agencyId, out var agency)
            ? (new CommitmentOwner(agency.AgencyId, agency.Name, official.OfficialId, official.Name), body.Term)
            : (null, body.Term);
    }
}
