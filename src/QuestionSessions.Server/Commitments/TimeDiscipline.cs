using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Sittings;

namespace QuestionSessions.Server.Commitments;

/// <summary>One speaker's keeping of the time limits: finished turns, how many within their limit, minutes over.</summary>
internal sealed record SpeakerDiscipline(string SpeakerId, string SpeakerName, string Role, int Turns, int WithinLimit, double OverrunMinutes)
{
    public double ShareWithinLimit => Turns == 0 ? 1 : (double)WithinLimit / Turns;
}

/// <summary>The time discipline of a body's sittings (or one of them), per respondent and per deputy, and in all.</summary>
internal sealed record TimeDisciplineView(
    string BodyId, Guid? SittingId, int Sittings, int Turns, int WithinLimit, double OverrunMinutes, IReadOnlyList<SpeakerDiscipline> Speakers);

/// <summary>
/// Reads the finished turns of a body's opened sittings: opening, answer and clarification turns are the
/// respondents', question and debate turns the deputies', closing turns the chair's.
/// </summary>
internal static class TimeDiscipline
{
    public static async Task<TimeDisciplineView> ForBodyAsync(
        IEventStore store, IGrainFactory grains, string bodyId, Guid? sittingId, CancellationToken cancellationToken)
    {
        var sittings = (await SittingDirectory.ListAsync(store, bodyId, cancellationToken))
            .Where(s => s.OpenedAt is not null && (sittingId is null || s.SittingId == sittingId))
            .ToList();
        var turns = new List<TurnState>();
        foreach (var sitting in sittings)
        {
            if (await grains.GetGrain<ISittingGrain>(sitting.SittingId).Get(cancellationToken) is (var state, _))
            {
                turns.AddRange(state.Turns.Where(t => t.Duration is not null));
            }
        }

        var speakers = turns
            .GroupBy(t => (t.SpeakerId, Role: Role(t.Kind)))
            .Select(g => new SpeakerDiscipline(
                g.Key.SpeakerId, g.Last().SpeakerName, g.Key.Role, g.Count(), g.Count(t => (t.Overrun ?? TimeSpan.Zero) <= TimeSpan.Zero),
                Math.Round(g.Sum(t => (t.Overrun ?? TimeSpan.Zero).TotalMinutes), 2)))
            .OrderBy(s => s.Role, StringComparer.Ordinal).ThenBy(s => s.ShareWithinLimit).ThenByDescending(s => s.OverrunMinutes)
            .ToList();
        return new TimeDisciplineView(
            bodyId, sittingId, sittings.Count, speakers.Sum(s => s.Turns), speakers.Sum(s => s.WithinLimit),
            Math.Round(speakers.Sum(s => s.OverrunMinutes), 2), speakers);
    }

    private static string Role(TurnKind kind) => kind switch
    {
        TurnKind.Question or TurnKind.Debate => "deputy",
        TurnKind.Closing => "chair",
        _ => "respondent",
    };
}
