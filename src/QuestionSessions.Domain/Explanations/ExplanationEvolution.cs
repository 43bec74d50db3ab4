using System.Collections.Immutable;

namespace QuestionSessions.Domain.Explanations;

/// <summary>How each event changes what the rules need.</summary>
public sealed partial class ExplanationDecider
{
    public static ExplanationState Evolve(ExplanationState state, ExplanationEvent @event) => Apply(state, @event) with { UpdatedAt = @event.At };

    private static ExplanationState Apply(ExplanationState state, ExplanationEvent @event) => @event switch
    {
        ExplanationRequestFiled e => state with
        {
            RequestId = e.RequestId,
            Code = e.Code,
            Status = ExplanationStatus.Received,
            Agency = e.Agency,
            AgencyHistory = [e.Agency],
            Kind = e.Kind,
            RequesterId = e.RequesterId,
            Represented = e.Represented,
            Representatives = e.Representatives,
            Subject = e.Subject,
            Matter = e.Matter,
            DecisionReference = e.DecisionReference,
            Channel = e.Channel,
            Publish = e.Publish,
            ReceivedAt = e.At,
            AcknowledgeBy = e.AcknowledgeBy,
            AcknowledgeClockFrom = e.At,
        },
        ExplanationRequestAccepted e => state with
        {
            Status = ExplanationStatus.Accepted,
            AcceptedAt = e.At,
            ExplainBy = e.ExplainBy,
            OriginalExplainBy = e.ExplainBy,
            ExplainClockFrom = e.At,
            AcknowledgedLate = e.Late,
        },
        ExplanationRequestRefused e => state with
        {
            Status = ExplanationStatus.Refused,
            RefusedAt = e.At,
            RefusalGround = e.Ground,
            RefusalReason = e.Reason,
            AcknowledgedLate = e.Late,
        },
        // The clock starts again at the new agency: its own date, its own reminder, nothing overdue yet.
        ExplanationRequestRedirected e => state with
        {
            Agency = e.To,
            AgencyHistory = state.AgencyHistory.Add(e.To),
            AcknowledgeBy = e.AcknowledgeBy,
            AcknowledgeClockFrom = e.At,
            AcknowledgementOverdueSince = null,
            Reminders = state.Reminders.Where(r => r.Deadline != ExplanationDeadline.Acknowledge).ToImmutableHashSet(),
        },
        ExplanationExtended e => state with
        {
            ExplainBy = e.ExplainBy,
            Extended = true,
            ExplainClockFrom = e.At,
            // Overdue belongs to the day that passed; a later day is a fresh one.
            ExplanationOverdueSince = state.ExplanationOverdueSince is { } passed && passed >= e.ExplainBy ? passed : null,
        },
        ExplanationMeetingRecorded e => state with { Meetings = state.Meetings.Add(e.MeetingId) },
        ExplanationGiven e => state with
        {
            Status = ExplanationStatus.Explained,
            ExplainedAt = e.At,
            ExplainedLate = e.Late,
            Explanation = e.Markdown,
        },
        ExplanationRated e => state with { Rating = e.Rating, RatingComment = e.Comment, RatedAt = e.At },
        ExplanationAgencyReminded e => state with { Reminders = state.Reminders.Add((e.Deadline, e.Date)) },
        ExplanationAcknowledgementOverdue e => state with { AcknowledgementOverdueSince = e.AcknowledgeBy },
        ExplanationOverdue e => state with { ExplanationOverdueSince = e.ExplainBy },
        _ => state,
    };
}
