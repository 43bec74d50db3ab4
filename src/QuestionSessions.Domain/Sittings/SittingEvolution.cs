using System.Collections.Immutable;

namespace QuestionSessions.Domain.Sittings;

public sealed partial class SittingDecider
{
    public static SittingState Evolve(SittingState state, SittingEvent @event) => @event switch
    {
        SittingScheduled e => state with
        {
            SittingId = e.SittingId,
            BodyId = e.BodyId,
            Title = e.Title,
            StartsAt = e.StartsAt,
            Rules = e.Rules,
            Status = SittingStatus.Scheduled,
            Clusters = e.Clusters.Select(ClusterState.Pending).ToImmutableList(),
        },
        QuestionFiled e => state with
        {
            Questions = state.Questions.Add(new QuestionState(
                e.QuestionId, e.ClusterId, e.DeputyId, e.DeputyName, e.Respondent, e.Text, e.Channel, QuestionStatus.Filed, e.At, null)),
        },
        SittingOpened e => state with { Status = SittingStatus.Open, OpenedAt = e.At },
        ClusterOpened e => state.WithCluster(e.ClusterId, c => c with { Status = ClusterStatus.Open }) with { OpenClusterId = e.ClusterId },
        // A slip filed outside the clusters and brought to the floor is asked, answered and followed up in that cluster.
        SpeakerRegistered e => state
            .WithCluster(e.ClusterId, c => c with { Queue = c.Queue.Add(e.RegistrationId) })
            .WithQuestions(q => q.QuestionId == e.QuestionId && q.ClusterId is null, q => q with { ClusterId = e.ClusterId }) with
        {
            Registrations = state.Registrations.Add(new RegistrationState(
                e.RegistrationId, e.ClusterId, e.DeputyId, e.DeputyName, e.QuestionId, RegistrationStatus.Waiting, e.At)),
        },
        SpeakingOrderChanged e => state.WithCluster(e.ClusterId, c => c with { Queue = [.. e.Order] }),
        SpeakersCalled e => state
            .WithCluster(e.ClusterId, c => c with { Queue = c.Queue.RemoveRange(e.RegistrationIds), Called = c.Called.AddRange(e.RegistrationIds) })
            .WithRegistrations(r => e.RegistrationIds.Contains(r.RegistrationId), r => r with { Status = RegistrationStatus.Called }),
        RelatedRespondentInvited e => state.WithCluster(e.ClusterId, c => c with { Invited = c.Invited.Add(e.Respondent.OfficialId) }),
        TurnStarted e => Started(state, e),
        TurnEnded e => state.CurrentTurn is { } turn
            ? state with { CurrentTurn = null, Turns = state.Turns.Add(turn with { Duration = e.Duration, Overrun = e.Overrun }) }
            : state,
        TranscriptSegmentPublished e => state with
        {
            PublishedSegments = state.PublishedSegments.Add(e.SegmentId),
        },
        CommitmentRecorded e => state with
        {
            Commitments = state.Commitments.Add(new CommitmentState(e.CommitmentId, e.QuestionId, e.Respondent, e.Owner, e.Text, e.Deadline, e.At)),
        },
        ClusterClosed e => state
            .WithCluster(e.ClusterId, c => c with { Status = ClusterStatus.Closed, Queue = [], Called = [] })
            .WithRegistrations(
                r => r.ClusterId == e.ClusterId && r.Status is RegistrationStatus.Waiting or RegistrationStatus.Called,
                r => r with { Status = RegistrationStatus.NotReached }) with
        {
            OpenClusterId = state.OpenClusterId == e.ClusterId ? null : state.OpenClusterId,
        },
        SittingClosed e => state with { Status = SittingStatus.Closed, ClosedAt = e.At },
        WrittenAnswerRequired e => state.WithQuestions(
            q => q.QuestionId == e.QuestionId,
            q => q with { Status = QuestionStatus.WrittenAnswerDue, WrittenAnswerDueBy = e.DueBy }),
        VideoStreamSet e => state with { VideoUrl = e.Url },
        SittingRescheduled e => state with { StartsAt = e.StartsAt, Rules = e.Rules },
        ClusterAdded e => state with { Clusters = state.Clusters.Add(ClusterState.Pending(e.Cluster)) },
        _ => state,
    };

    private static SittingState Started(SittingState state, TurnStarted e)
    {
        var next = state with
        {
            CurrentTurn = new TurnState(
                e.TurnId, e.ClusterId, e.Kind, e.SpeakerId, e.SpeakerName, e.RegistrationId, [.. e.QuestionIds], e.At, e.Limit, null, null),
        };

        return e.Kind switch
        {
            TurnKind.Question => next
                .WithRegistrations(r => r.RegistrationId == e.RegistrationId, r => r with { Status = RegistrationStatus.Spoke })
                .WithQuestions(q => e.QuestionIds.Contains(q.QuestionId), q => q with { Status = QuestionStatus.Asked, AskedAt = e.At })
                .WithCluster(e.ClusterId, c => c with
                {
                    Called = c.Called.Remove(e.RegistrationId!.Value),
                    QuestionsAsked = c.QuestionsAsked + 1,
                    AwaitingAnswer = true,
                }),
            TurnKind.Answer => next
                .WithQuestions(q => e.QuestionIds.Contains(q.QuestionId), q => q with { Status = QuestionStatus.Answered })
                .WithCluster(e.ClusterId, c => c with { AnswersGiven = c.AnswersGiven + 1, AwaitingAnswer = false }),
            TurnKind.Debate => next.WithCluster(e.ClusterId, c => c with { AwaitingAnswer = true }),
            _ => next,
        };
    }
}
