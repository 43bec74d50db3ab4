namespace QuestionSessions.Domain.Bodies;

/// <summary>
/// A body's questioning rules in force from <see cref="EffectiveFrom"/>. Every legal number lives
/// here as data (seeded from a profile file, amended by adopting a new profile), never in code:
/// the 2025 supervision law leaves procedure to resolutions not yet published.
/// </summary>
public sealed record RulesProfile(
    string Name,
    DateOnly EffectiveFrom,
    TimeSpan OpeningLimit,
    TimeSpan QuestionLimit,
    TimeSpan AnswerLimit,
    TimeSpan DebateLimit,
    TimeSpan ClarificationLimit,
    TimeSpan ClosingLimit,
    int CallBatchSize,
    int WrittenAnswerDays,
    string Source)
{
    public TimeSpan LimitFor(Sittings.TurnKind kind) => kind switch
    {
        Sittings.TurnKind.Opening => OpeningLimit,
        Sittings.TurnKind.Question => QuestionLimit,
        Sittings.TurnKind.Answer => AnswerLimit,
        Sittings.TurnKind.Debate => DebateLimit,
        Sittings.TurnKind.Clarification => ClarificationLimit,
        Sittings.TurnKind.Closing => ClosingLimit,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Null when the profile is usable, otherwise what is wrong with it.</summary>
    public string? Problem()
    {
        if (!Texts.HasContent(Name))
        {
            return "A rules profile needs a name.";
        }

        TimeSpan[] limits = [OpeningLimit, QuestionLimit, AnswerLimit, DebateLimit, ClarificationLimit, ClosingLimit];
        if (limits.Any(l => l <= TimeSpan.Zero || l > TimeSpan.FromHours(1)))
        {
            return "Every time limit must be more than zero and at most one hour.";
        }

        if (CallBatchSize is < 1 or > 10)
        {
            return "Speakers are called one to ten at a time.";
        }

        return WrittenAnswerDays is < 1 or > 365 ? "The written-answer period must be 1 to 365 days." : null;
    }
}
