using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Commitments;
using QuestionSessions.Domain.Resolutions;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Aggregates;

namespace QuestionSessions.Runtime.Tests.Aggregates;

/// <summary>
/// Stored events name their type by alias. Renaming a record must not change what is written, and an alias,
/// once written, can never change: the table below is the contract with every database in service.
/// </summary>
public sealed class EventAliasTests
{
    [Fact]
    public void Every_sitting_body_commitment_and_resolution_event_keeps_its_alias()
    {
        var pinned = new Dictionary<string, string>
        {
            ["BodyEstablished"] = "body_established",
            ["MemberSeated"] = "member_seated",
            ["OfficialAppointed"] = "official_appointed",
            ["AgencyRegistered"] = "agency_registered",
            ["RulesProfileAdopted"] = "rules_profile_adopted",
            ["SessionScheduled"] = "session_scheduled",
            ["TermBegan"] = "term_began",
            ["RoleGranted"] = "role_granted",
            ["RoleRevoked"] = "role_revoked",
            ["MemberUnseated"] = "member_unseated",
            ["OfficialRelieved"] = "official_relieved",
            ["ResolutionAdopted"] = "resolution_adopted",
            ["ClauseAssigned"] = "clause_assigned",
            ["SittingScheduled"] = "sitting_scheduled",
            ["QuestionFiled"] = "question_filed",
            ["SittingOpened"] = "sitting_opened",
            ["ClusterOpened"] = "cluster_opened",
            ["SpeakerRegistered"] = "speaker_registered",
            ["SpeakingOrderChanged"] = "speaking_order_changed",
            ["SpeakersCalled"] = "speakers_called",
            ["RelatedRespondentInvited"] = "related_respondent_invited",
            ["TurnStarted"] = "turn_started",
            ["TurnEnded"] = "turn_ended",
            ["TranscriptSegmentPublished"] = "transcript_segment_published",
            ["CommitmentRecorded"] = "commitment_recorded",
            ["ClusterClosed"] = "cluster_closed",
            ["SittingClosed"] = "sitting_closed",
            ["WrittenAnswerRequired"] = "written_answer_required",
            ["VideoStreamSet"] = "video_stream_set",
            ["SittingRescheduled"] = "sitting_rescheduled",
            ["ClusterAdded"] = "cluster_added",
            ["CommitmentMade"] = "commitment_made",
            ["ProgressReported"] = "progress_reported",
            ["SubmittedToAuthority"] = "submitted_to_authority",
            ["FulfilmentClaimed"] = "fulfilment_claimed",
            ["FulfilmentAssessed"] = "fulfilment_assessed",
            ["CommitmentWithdrawn"] = "commitment_withdrawn",
            ["DeadlineAmended"] = "deadline_amended",
            ["Requestioned"] = "requestioned",
            ["OwnerReminded"] = "owner_reminded",
            ["DeadlinePassed"] = "deadline_passed",
        };
        var sittings = new EventCodec<SittingEvent>();
        var bodies = new EventCodec<BodyEvent>();
        var commitments = new EventCodec<CommitmentEvent>();
        var resolutions = new EventCodec<ResolutionEvent>();

        var actual = EventTypes<SittingEvent>().Select(t => (t.Name, Alias: sittings.AliasOf(Example<SittingEvent>(t))))
            .Concat(EventTypes<BodyEvent>().Select(t => (t.Name, Alias: bodies.AliasOf(Example<BodyEvent>(t)))))
            .Concat(EventTypes<CommitmentEvent>().Select(t => (t.Name, Alias: commitments.AliasOf(Example<CommitmentEvent>(t)))))
            .Concat(EventTypes<ResolutionEvent>().Select(t => (t.Name, Alias: resolutions.AliasOf(Example<ResolutionEvent>(t)))))
            .ToDictionary(p => p.Name, p => p.Alias);

        Assert.Equal(pinned.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
    }

    [Fact]
    public void An_event_type_without_an_alias_stops_the_codec_from_starting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EventCodec<UnnamedFamily>());
        Assert.Contains(nameof(Unnamed), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_event_types_with_one_alias_stop_the_codec_from_starting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new EventCodec<TwinFamily>());
        Assert.Contains("share an alias: 'twin' (FirstTwin, SecondTwin)", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Type> EventTypes<TEvent>() =>
        typeof(TEvent).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsClass: true } && typeof(TEvent).IsAssignableFrom(t));

    // AliasOf looks at the runtime type only, so an uninitialised instance is enough to ask it.
    private static TEvent Example<TEvent>(Type type) =>
        (TEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);

    internal abstract record UnnamedFamily;

    [EventAlias("named")]
    internal sealed record Named : UnnamedFamily;

    internal sealed record Unnamed : UnnamedFamily;

    internal abstract record TwinFamily;

    [EventAlias("twin")]
    internal sealed record FirstTwin : TwinFamily;

    [EventAlias("twin")]
    internal sealed record SecondTwin : TwinFamily;
}
