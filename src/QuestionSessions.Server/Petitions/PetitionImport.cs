using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Petitions;
using QuestionSessions.Domain.Places;
using QuestionSessions.Runtime.Aggregates;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Imports;
using QuestionSessions.Server.Search;

namespace QuestionSessions.Server.Petitions;

/// <summary>
/// A session's aggregated petitions from a CSV file (<c>qs import petitions</c>), filed exactly as the server
/// files them: the same decider, the same events with their hash chain, the same read models in each append's
/// transaction. The layout (UTF-8, a header row, RFC 4180 quoting):
/// <code>ref,body_id,field,title,text,supporters,province_id,commune</code>
/// <c>ref</c> is the delegation's own reference, unique per body: the petition's id derives from body and
/// ref, so importing the same file again files nothing twice. <c>field</c> is one of <see cref="PetitionField"/>
/// (land, environment, health, …), <c>province_id</c> one of the 34 ids (<c>GET /api/places/provinces</c>),
/// <c>commune</c> may be empty. Every row is checked before anything is written.
/// </summary>
internal static class PetitionImport
{
    public static readonly string[] Columns = ["ref", "body_id", "field", "title", "text", "supporters", "province_id", "commune"];

    /// <summary>Who files an import: the operator running qs, with an administrator's reach.</summary>
    public static readonly Actor Importer = CsvImport.Importer;

    private static readonly EventCodec<PetitionEvent> Codec = new();

    /// <summary>
    /// Reads and checks every row against the bodies that exist; the commands for the good rows and the problems
    /// of the bad ones (with their line numbers), in file order.
    /// </summary>
    public static (IReadOnlyList<FilePetition> Rows, IReadOnlyList<ImportProblem> Problems) Read(
        Stream file, IReadOnlySet<string> bodies, IDictionary<string, Guid> codes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var batch = BatchId(file);
        return CsvImport.Read(file, Columns, csv => Row(csv, bodies, codes, now, batch), command => command.PetitionId,
            first => $"The same ref for the same body is on line {first}.", cancellationToken);
    }

    /// <summary>
    /// Files the rows, <paramref name="parallelism"/> at a time, each a new stream appended with its read models;
    /// a petition already filed by an earlier run is left as it is. Reports each row done.
    /// </summary>
    public static async Task<ImportResult> WriteAsync(
        IEventStore store, IReadOnlyList<FilePetition> rows, int parallelism, IProgress<int> progress, CancellationToken cancellationToken)
    {
        IProjection<PetitionState>[] projections = [new PetitionDirectory(), new PetitionSearch()];
        var metadata = JsonSerializer.Serialize(
            new EventMetadata(Importer.UserId, Importer.Name, rows.Count > 0 ? rows[0].Now : DateTimeOffset.UnixEpoch, nameof(FilePetition), null, "qs-import"),
            Json.Options);
        int filed = 0, already = 0, done = 0;
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            var decision = PetitionDecider.Decide(row, PetitionState.Empty);
            if (decision.Error is { } error)
            {
                throw new InvalidOperationException($"Row {row.Code} was checked but is refused now: {error.Message}");
            }

            var after = decision.Events.Aggregate(PetitionState.Empty, PetitionDecider.Evolve);
            IReadOnlyList<NewEvent> events = [.. decision.Events.Select(e => Codec.Encode(e, metadata))];
            var streamId = $"{PetitionDecider.Category}/{row.PetitionId}";
            try
            {
                await store.AppendAsync(new AppendRequest(streamId, 0, events,
                    Projections: [.. projections.SelectMany(p => p.Project(streamId, PetitionState.Empty, after, 1, events))],
                    ExpectedHash: EventHash.Genesis), ct);
                Interlocked.Increment(ref filed);
            }
            catch (ConcurrencyException)
            {
                Interlocked.Increment(ref already);
            }

            progress.Report(Interlocked.Increment(ref done));
        });
        return new ImportResult(filed, already);
    }

    /// <summary>The bodies petitions may be imported to: those the server knows.</summary>
    public static async Task<IReadOnlySet<string>> BodiesAsync(IEventStore store, CancellationToken cancellationToken) =>
        (await BodyDirectory.ListAsync(store, cancellationToken)).Select(b => b.BodyId).ToHashSet(StringComparer.Ordinal);

    private static (FilePetition? Command, string? Problem) Row(
        CsvReader csv, IReadOnlySet<string> bodies, IDictionary<string, Guid> codes, DateTimeOffset now, Guid batch)
    {
        string Field(int i) => csv.GetString(i) ?? "";
        var reference = Field(0);
        var bodyId = Field(1);
        if (!Texts.Fits(reference, 100))
        {
            return (null, "ref is required (at most 100 characters).");
        }

        if (!bodies.Contains(bodyId))
        {
            return (null, $"body_id '{Shorten(bodyId)}' is not a body of this server.");
        }

        if (Field(2).Any(char.IsDigit) || !Enum.TryParse<PetitionField>(Field(2), ignoreCase: true, out var field))
        {
            return (null, $"field '{Shorten(Field(2))}' is not one of {string.Join(", ", Enum.GetNames<PetitionField>().Select(n => n.ToLowerInvariant()))}.");
        }

        if (!int.TryParse(Field(5), NumberStyles.None, CultureInfo.InvariantCulture, out var supporters))
        {
            return (null, $"supporters '{Shorten(Field(5))}' is not a whole number.");
        }

        // The id derives from body and ref; a tracking code already another petition's (in the store or earlier in
        // the file) moves it along a fixed sequence, so the same file chooses the same ids again.
        var baseId = DerivedId.Of($"import|{bodyId}|{reference}");
        var petitionId = baseId;
        for (var attempt = 1; codes.TryGetValue(TrackingCode.Of(TrackingCode.Petition, petitionId), out var holder) && holder != petitionId; attempt++)
        {
            petitionId = PetitionReader.CodeCandidate(baseId, attempt);
        }

        var commune = Field(7);
        var source = new PetitionSource(DerivedId.Of($"{petitionId:N}|source"), SourceChannel.Import, null, null,
            new Locality(Field(6), commune.Length == 0 ? null : commune), Field(4), supporters, batch);
        var command = new FilePetition(petitionId, TrackingCode.Of(TrackingCode.Petition, petitionId), bodyId, field, Field(3), source, Importer, now);
        if (PetitionDecider.Decide(command, PetitionState.Empty).Error is { } error)
        {
            return (null, error.Message);
        }

        codes.TryAdd(command.Code, petitionId);
        return (command, null);
    }

    // The batch is the file: the same bytes name the same batch however often they are imported.
    private static Guid BatchId(Stream file)
    {
        var hash = SHA256.HashData(file);
        file.Position = 0;
        return new Guid(hash.AsSpan(0, 16));
    }

    private static string Shorten(string? text) => CsvImport.Shorten(text);
}
