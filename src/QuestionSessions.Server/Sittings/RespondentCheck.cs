using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Sittings;

/// <summary>
/// Whom a new sitting, question or follow-up may name as respondent: an official answering to the body now. A relieved
/// official stays in the body under their id (past sittings and commitments show their name) but is named anew by nobody.
/// </summary>
internal static class RespondentCheck
{
    /// <summary>The problem with naming <paramref name="officialId"/> as respondent in <paramref name="body"/>, or null when they serve.</summary>
    public static IResult? Problem(BodyState? body, string officialId, string unknownMessage)
    {
        if (body?.ServingOfficial(officialId) is not null)
        {
            return null;
        }

        return body?.Relieved.TryGetValue(officialId, out var relieved) == true
            ? Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Respondent relieved",
                $"'{officialId}' no longer answers to this body (relieved from {relieved.On:yyyy-MM-dd}: {relieved.Reason}).", "respondent_relieved")
            : Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Unknown respondent", unknownMessage, "respondent_unknown");
    }
}
