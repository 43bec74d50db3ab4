using QuestionSessions.Domain.Places;

namespace QuestionSessions.Domain.Petitions;

/// <summary>
/// One place a petition was raised: a contact meeting, the portal or an import, with its own text and the
/// number of voters behind it. A merged petition keeps every source of its duplicates. <see cref="SubmitterId"/>
/// is a subject id in the personal-data table: no name, contact or address is ever carried here.
/// <see cref="ImportBatch"/> names the import an imported source came from.
/// </summary>
public sealed record PetitionSource(
    Guid SourceId,
    SourceChannel Channel,
    ContactMeeting? Meeting,
    Guid? SubmitterId,
    Locality Locality,
    string Text,
    int Supporters,
    Guid? ImportBatch)
{
    public const int MaxText = 8_000;

    public const int MaxSupporters = 1_000_000;

    /// <summary>Why the source cannot be recorded on <paramref name="today"/> (Hanoi), or null.</summary>
    public DomainError? Problem(DateOnly today) =>
        SourceId == Guid.Empty ? Invalid("source_id", "A petition's source has an id.")
        : !Enum.IsDefined(Channel) ? Invalid("source_channel", "A petition comes from a contact meeting, the portal or an import.")
        : Channel == SourceChannel.Meeting && Meeting is null ? Invalid("meeting_required", "A petition raised at a contact meeting names the meeting.")
        : Channel != SourceChannel.Meeting && Meeting is not null ? Invalid("meeting_not_expected", "Only a petition raised at a contact meeting names one.")
        : Meeting?.Problem(today) is { } badMeeting ? badMeeting
        : Channel == SourceChannel.Import && ImportBatch is null ? Invalid("import_batch_required", "An imported petition names its import batch.")
        : Channel != SourceChannel.Import && ImportBatch is not null ? Invalid("import_batch_not_expected", "Only an imported petition names an import batch.")
        : ImportBatch == Guid.Empty || SubmitterId == Guid.Empty ? Invalid("source_id", "A submitter or an import batch, when named, has an id.")
        : Locality is null ? Invalid("source_locality", "A petition is raised in a province.")
        : Locality.Problem() is { } where ? Invalid("source_locality", where)
        : !Texts.Fits(Text, MaxText) ? Invalid("petition_text", $"Say what voters ask, in 1 to {MaxText} characters.")
        : Supporters is < 1 or > MaxSupporters ? Invalid("supporters", $"A petition has 1 to {MaxSupporters} supporters per source.")
        : null;

    /// <summary>The source as stored: text trimmed, the meeting normalized.</summary>
    public PetitionSource Normalized() => this with
    {
        Meeting = Meeting?.Normalized(),
        Locality = Locality with { Commune = Texts.CleanOrNull(Locality.Commune) },
        Text = Texts.Clean(Text),
    };

    private static DomainError Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
}
