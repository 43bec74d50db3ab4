namespace QuestionSessions.Domain.Petitions;

public sealed partial class PetitionDecider
{
    public static PetitionState Evolve(PetitionState state, PetitionEvent @event) => Apply(state, @event) with { UpdatedAt = @event.At };

    private static PetitionState Apply(PetitionState state, PetitionEvent @event) => @event switch
    {
        PetitionFiled e => state with
        {
            PetitionId = e.PetitionId,
            Code = e.Code,
            BodyId = e.BodyId,
            Field = e.Field,
            Title = e.Title,
            Status = PetitionStatus.Filed,
            Sources = [e.Source],
            Supporters = e.Source.Supporters,
            FiledAt = e.At,
        },
        PetitionAbsorbed e => state with
        {
            Sources = state.Sources.AddRange(e.Sources),
            Supporters = state.Supporters + e.Sources.Sum(s => s.Supporters),
            AbsorbedFrom = state.AbsorbedFrom.Add(e.OtherPetitionId),
        },
        PetitionMerged e => state with { Status = PetitionStatus.Merged, MergedInto = e.KeeperId },
        PetitionRouted e => state with { Status = PetitionStatus.Routed, Routing = e.Routing, RoutedAt = e.At },
        // A new agency gets a fresh deadline: the old one's reminders and overdue stay in the log, not in force.
        PetitionRerouted e => state with
        {
            Routing = e.Routing,
            RoutedAt = e.At,
            Reroutes = state.Reroutes + 1,
            OverdueSince = null,
            Reminders = [],
        },
        PetitionAnswered e => state with
        {
            Status = PetitionStatus.Answered,
            Answers = state.Answers + 1,
            AnswerIds = state.AnswerIds.Add(e.AnswerId),
            LatestAnswerId = e.AnswerId,
            LatestOutcome = e.Outcome,
            FirstAnsweredAt = state.FirstAnsweredAt ?? e.At,
            AnsweredLate = state.IsAnswered ? state.AnsweredLate : e.Late,
            // Voters rate the latest answer: a new answer opens a new tally.
            Ratings = state.Ratings.Clear(),
        },
        PetitionReportedBack e => state with { ReportedBackAnswerId = e.AnswerId },
        PetitionRated e => state with { Ratings = state.Ratings.SetItem(e.RaterKey, e.Rating) },
        PetitionEscalated e => state with { Escalations = state.Escalations.Add((e.Target, e.TargetId)) },
        PetitionAgencyReminded e => state with { Reminders = state.Reminders.Add((e.Deadline, e.DaysBefore)) },
        PetitionOverdue e => state with { OverdueSince = e.Deadline },
        _ => state,
    };
}
