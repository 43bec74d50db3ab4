using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Petitions;

namespace QuestionSessions.Cli.Import;

/// <summary><c>qs import petitions</c>: see <see cref="PetitionImport"/> for the layout.</summary>
internal sealed class PetitionFileImport(int parallelism) : IFileImport
{
    public string Noun => "petitions";

    public string Verb => "filed";

    public async Task<ImportPlan> ReadAsync(IEventStore store, Stream file, CancellationToken cancellationToken)
    {
        var bodies = await PetitionImport.BodiesAsync(store, cancellationToken);
        var codes = await PetitionReader.CodesAsync(store, cancellationToken);
        var (rows, problems) = PetitionImport.Read(file, bodies, codes, DateTimeOffset.UtcNow, cancellationToken);
        return new ImportPlan(rows.Count, problems, (progress, ct) => PetitionImport.WriteAsync(store, rows, parallelism, progress, ct));
    }
}
