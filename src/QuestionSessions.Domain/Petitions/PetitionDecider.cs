using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Domain.Petitions;

/// <summary>
/// One voter petition (kiến nghị cử tri) from filing to the voters' verdict on its answer, with who may take
/// each step: the body's secretariat, deputies and supervising committee file from meetings and imports, anyone
/// files online; the secretariat or the supervising committee merges duplicates, routes to one agency and
/// escalates; only the routed agency's officers answer; voters rate; the reminder records what came due.
/// Answered and resolved are kept apart: an answer may say "being resolved" and the petition stays unresolved.
/// </summary>
public sealed partial class PetitionDecider : IDecider<PetitionState, PetitionCommand, PetitionEvent>
{
    public const int MaxCode = 20;
    public const int MaxBodyId = 100;
    public const int MaxTitle = 200;
    public const int MaxText = PetitionSource.MaxText;
    public const int MaxAnswer = 20_000;
    public const int MaxReason = 2_000;
    public const int MaxNote = 2_000;
    public const int MaxChannel = 100;
    public const int MaxComment = 1_000;
    public const int MaxRaterKey = 200;

    /// <summary>Sources one petition may gather through merges (which also keeps the supporters' sum within an int).</summary>
    public const int MaxSources = 1_000;

    /// <summary>The rater key of the filer of one source, who holds the secret given at filing: <c>filer:{sourceId}</c>.</summary>
    public const string FilerKeyPrefix = "filer:";

    public static string Category => "petition";

    public static PetitionState Initial => PetitionState.Empty;

    public static Decision<PetitionEvent> Decide(PetitionCommand command, PetitionState state)
    {
        if (Malformed(command, VietnamTime.Today(command.Now)) is { } malformed)
        {
            return malformed;
        }

        if (command is FilePetition file)
        {
            return File(file, state);
        }

        if (!state.Exists)
        {
            return Refuse(ErrorKind.NotFound, "petition_not_found", "No petition has been filed under this id.");
        }

        return command switch
        {
            AbsorbPetition c => Absorb(c, state),
            MarkMerged c => Merge(c, state),
            RoutePetition c => Route(c, state),
            ReroutePetition c => Reroute(c, state),
            AnswerPetition c => Answer(c, state),
            ReportBackToVoters c => ReportBack(c, state),
            RatePetition c => Rate(c, state),
            EscalatePetition c => Escalate(c, state),
            RunPetitionMilestones c => Milestones(c, state),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };
    }

    private static Decision<PetitionEvent> Refuse(ErrorKind kind, string code, string message) =>
        Decision<PetitionEvent>.Refuse(kind, code, message);

    private static DomainError Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);

    /// <summary>What is wrong with the command whatever the petition's state (checked first), or null.</summary>
    private static DomainError? Malformed(PetitionCommand command, DateOnly today) => command switch
    {
        FilePetition c when c.PetitionId == Guid.Empty => Invalid("petition_id", "A petition has an id."),
        FilePetition c when !Texts.Fits(c.Code, MaxCode) => Invalid("petition_code", $"A petition has a tracking code of at most {MaxCode} characters."),
        FilePetition c when !Texts.Fits(c.BodyId, MaxBodyId) => Invalid("body_required", "A petition is filed to a body."),
        FilePetition c when !Enum.IsDefined(c.Field) => Invalid("petition_field", "Pick the petition's field from the list."),
        FilePetition c when !Texts.IsLine(c.Title, MaxTitle) => Invalid("petition_title", $"Give the petition a title of 1 to {MaxTitle} characters."),
        FilePetition { Source: null } => Invalid("source_required", "Say where the petition was raised."),
        FilePetition c => c.Source.Problem(today),
        AbsorbPetition c when c.OtherPetitionId == Guid.Empty => Invalid("petition_id", "Name the duplicate petition by its id."),
        AbsorbPetition c when c.Sources is null || c.Sources.Count == 0 => Invalid("sources_required", "A merged duplicate brings its sources."),
        AbsorbPetition c when c.Sources.Count > MaxSources => Invalid("too_many_sources", $"A petition gathers at most {MaxSources} sources."),
        AbsorbPetition c => c.Sources.Select(s => s is null ? Invalid("source_required", "A source is missing.") : s.Problem(today)).FirstOrDefault(p => p is not null),
        MarkMerged c when c.KeeperId == Guid.Empty => Invalid("keeper_required", "Name the petition this one is merged into."),
        RoutePetition c => c.Routing.Problem(today),
        ReroutePetition c when c.Routing.Problem(today) is { } bad => bad,
        ReroutePetition c when !Texts.Fits(c.Reason, MaxReason) => Invalid("reason_required", $"Say why the petition goes to another agency, in 1 to {MaxReason} characters."),
        AnswerPetition c when c.AnswerId == Guid.Empty => Invalid("answer_id", "An answer has an id."),
        AnswerPetition c when !Texts.Fits(c.Markdown, MaxAnswer) => Invalid("answer_text", $"Give the answer in 1 to {MaxAnswer} characters."),
        AnswerPetition c when !Enum.IsDefined(c.Outcome) => Invalid("answer_outcome", "An answer says the matter is resolved, being resolved, or explained."),
        ReportBackToVoters c when !Texts.Fits(c.Channel, MaxChannel) => Invalid("channel_required", $"Say how voters were told, in 1 to {MaxChannel} characters."),
        ReportBackToVoters { Note.Length: > MaxNote } => Invalid("note_too_long", $"A note takes at most {MaxNote} characters."),
        RatePetition c when !Texts.Fits(c.RaterKey, MaxRaterKey) || (IsFilerKey(Texts.Clean(c.RaterKey)) && FilerSource(Texts.Clean(c.RaterKey)) is null)
            => Invalid("rater_key", "A rating comes from one voter: an account, or the filer of one source."),
        RatePetition c when !Enum.IsDefined(c.Rating) => Invalid("rating", "A rating is satisfied, partly satisfied or unsatisfied."),
        RatePetition { Comment.Length: > MaxComment } => Invalid("comment_too_long", $"A comment takes at most {MaxComment} characters."),
        EscalatePetition c when !Enum.IsDefined(c.Target) || c.TargetId == Guid.Empty => Invalid("escalation_target", "Name the supervision topic or the question the petition goes to."),
        EscalatePetition c when !Texts.Fits(c.Reason, MaxReason) => Invalid("reason_required", $"Say why the petition is escalated, in 1 to {MaxReason} characters."),
        _ => null,
    };

    /// <summary>The body's classifying staff (the secretariat or the supervising committee) or an admin.</summary>
    private static DomainError? Classifier(PetitionCommand c, PetitionState state, string what) =>
        c.Actor.HoldsAny(state.BodyId, Role.Secretariat, Role.Supervisor, Role.Admin)
            ? null
            : new DomainError(ErrorKind.Forbidden, "role_required", $"Only the secretariat or the supervising committee of the body may {what}.");

    private static Decision<PetitionEvent> File(FilePetition c, PetitionState state)
    {
        var body = Texts.Clean(c.BodyId);
        var online = c.Source.Channel == SourceChannel.Online;
        if (!online && !c.Actor.HoldsAny(body, Role.Secretariat, Role.Deputy, Role.Supervisor, Role.Admin))
        {
            return Refuse(ErrorKind.Forbidden, "role_required", "Only the secretariat, a deputy or the supervising committee of the body files petitions from meetings and imports.");
        }

        if (state.Exists)
        {
            return state.PetitionId == c.PetitionId && state.Sources[0].SourceId == c.Source.SourceId
                ? Decision<PetitionEvent>.Nothing
                : Refuse(ErrorKind.Conflict, "petition_exists", "Another petition was already filed under this id.");
        }

        // A voter filing online is never named in the log: the source's submitter id points at the personal data.
        return Decision<PetitionEvent>.Accept(new PetitionFiled(
            c.PetitionId, Texts.Clean(c.Code), body, c.Field, Texts.Clean(c.Title), c.Source.Normalized(), online ? null : c.Actor.Ref, c.Now));
    }

    private static bool IsFilerKey(string key) => key.StartsWith(FilerKeyPrefix, StringComparison.Ordinal);

    /// <summary>The source id in a filer's rater key, or null when it names none.</summary>
    private static Guid? FilerSource(string key) =>
        Guid.TryParse(key.AsSpan(FilerKeyPrefix.Length), out var id) && id != Guid.Empty ? id : null;
}
