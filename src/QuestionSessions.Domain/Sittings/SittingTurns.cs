namespace QuestionSessions.Domain.Sittings;

/// <summary>Who may speak in which kind of turn, and when.</summary>
public sealed partial class SittingDecider
{
    private static Decision<SittingEvent> Start(StartTurn c, SittingState state)
    {
        if (Requires(c, state, "start a turn", Role.Chair, Role.Secretariat) is { } denied)
        {
            return denied;
        }

        // Checked before the limit is looked up: an unknown kind is a refusal, not an exception.
        if (!Enum.IsDefined(c.Kind))
        {
            return Refuse(ErrorKind.Invalid, "turn_kind", "Unknown kind of turn.");
        }

        if (state.TurnIdUsed(c.TurnId))
        {
            return state.CurrentTurn?.TurnId == c.TurnId && state.CurrentTurn.Kind == c.Kind
                ? Decision<SittingEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "turn_exists", "A turn with this id was already started.");
        }

        if (FloorOpen(state) is { } closed)
        {
            return closed;
        }

        if (state.CurrentTurn is not null)
        {
            return Refuse(ErrorKind.Conflict, "turn_running", "End the running turn first.");
        }

        var cluster = state.OpenCluster!;
        var limit = state.Rules!.LimitFor(c.Kind);
        TurnStarted Turn(string speakerId, string speakerName, Guid? registrationId, IReadOnlyList<Guid> questionIds) =>
            new(c.TurnId, cluster.ClusterId, c.Kind, speakerId, speakerName, registrationId, questionIds, limit, c.Actor.Ref, c.Now);

        switch (c.Kind)
        {
            case TurnKind.Opening:
                if (cluster.QuestionsAsked > 0 || state.Turns.Exists(t => t.ClusterId == cluster.ClusterId && t.Kind == TurnKind.Opening))
                {
                    return Refuse(ErrorKind.Conflict, "opening_not_allowed", "The respondent opens a cluster once, before the first question.");
                }

                return Decision<SittingEvent>.Accept(Turn(cluster.Main.OfficialId, cluster.Main.Name, null, []));

            case TurnKind.Question:
                if (c.RegistrationId is not { } registrationId || state.Registration(registrationId) is not { } registration
                    || registration.ClusterId != cluster.ClusterId)
                {
                    return Refuse(ErrorKind.NotFound, "registration_not_found", "Name a deputy registered in the open cluster.");
                }

                if (registration.Status != RegistrationStatus.Called)
                {
                    return Refuse(ErrorKind.Conflict, "speaker_not_called", "The chair has not called this deputy, or she has already spoken.");
                }

                return Decision<SittingEvent>.Accept(Turn(registration.DeputyId, registration.DeputyName, registrationId, [registration.QuestionId]));

            case TurnKind.Answer:
                var answerer = c.SpeakerId ?? cluster.Main.OfficialId;
                if (!cluster.MayAnswer(answerer))
                {
                    return Refuse(ErrorKind.Conflict, "respondent_not_invited", "Only the main respondent or an invited related respondent may answer.");
                }

                if (!cluster.AwaitingAnswer)
                {
                    return Refuse(ErrorKind.Conflict, "no_question_to_answer", "No question or debate is waiting for an answer.");
                }

                var asked = state.Questions.Where(q => q.ClusterId == cluster.ClusterId && q.Status == QuestionStatus.Asked)
                    .Select(q => q.QuestionId).ToList();
                return Decision<SittingEvent>.Accept(Turn(answerer, cluster.RespondentById(answerer)!.Name, null, asked));

            case TurnKind.Debate:
                if (c.RegistrationId is not { } debaterId || state.Registration(debaterId) is not { } debater
                    || debater.ClusterId != cluster.ClusterId)
                {
                    return Refuse(ErrorKind.NotFound, "registration_not_found", "Name a deputy registered in the open cluster.");
                }

                if (cluster.AnswersGiven == 0)
                {
                    return Refuse(ErrorKind.Conflict, "nothing_to_debate", "Debate follows an answer.");
                }

                // Priority in debate goes to deputies who asked on the issue; they are the ones allowed here.
                if (debater.Status != RegistrationStatus.Spoke)
                {
                    return Refuse(ErrorKind.Conflict, "debate_requires_question", "Debate is for deputies who asked in this cluster.");
                }

                return Decision<SittingEvent>.Accept(Turn(debater.DeputyId, debater.DeputyName, debaterId, [debater.QuestionId]));

            case TurnKind.Clarification:
                if (c.SpeakerId is not { } relatedId || cluster.Related.Find(r => r.OfficialId == relatedId) is not { } related)
                {
                    return Refuse(ErrorKind.NotFound, "respondent_not_related", "Name a related respondent of the open cluster.");
                }

                if (!cluster.Invited.Contains(relatedId))
                {
                    return Refuse(ErrorKind.Conflict, "respondent_not_invited", "The chair must invite this respondent first.");
                }

                return cluster.QuestionsAsked == 0
                    ? Refuse(ErrorKind.Conflict, "no_question_to_answer", "Clarification follows a question.")
                    : Decision<SittingEvent>.Accept(Turn(related.OfficialId, related.Name, null, []));

            case TurnKind.Closing:
                return Decision<SittingEvent>.Accept(Turn(c.Actor.UserId, c.Actor.Name, null, []));

            default:
                return Refuse(ErrorKind.Invalid, "turn_kind", "Unknown kind of turn.");
        }
    }
}
