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

    /// <summary>When the supervision law (Law 121/2025/QH15) takes effect: the default profile's start.</summary>
    public static readonly DateOnly LawInForce = new(2026, 3, 1);

    /// <summary>
    /// The limits DOMAIN.md gives for a body of this kind, as a starting point an administrator adopts or amends:
    /// opening ≤ 5 min, question ≤ 1 min, answer ≤ 3 min, speakers called three at a time, written answers within
    /// 20 days, closing remarks ~10 min. No source confirms the debate and clarification limits: they are marked so.
    /// People's Councils adopt their own; the default follows the National Assembly's.
    /// </summary>
    public static RulesProfile LegalDefaults(BodyKind kind, DateOnly? effectiveFrom = null) => new(
        kind == BodyKind.NationalAssembly ? "Quốc hội — chất vấn tại kỳ họp" : "HĐND — chất vấn tại kỳ họp",
        effectiveFrom ?? LawInForce,
        OpeningLimit: TimeSpan.FromMinutes(5),
        QuestionLimit: TimeSpan.FromMinutes(1),
        AnswerLimit: TimeSpan.FromMinutes(3),
        DebateLimit: TimeSpan.FromMinutes(1),
        ClarificationLimit: TimeSpan.FromMinutes(3),
        ClosingLimit: TimeSpan.FromMinutes(10),
        CallBatchSize: 3,
        WrittenAnswerDays: 20,
        kind == BodyKind.NationalAssembly
            ? "NA session rules (Res. 71/2022/QH15) as applied at the 9th session; written answers within 20 days. Debate and clarification limits unconfirmed."
            : "Modelled on the National Assembly's limits; each People's Council adopts its own. Debate and clarification limits unconfirmed.");

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
