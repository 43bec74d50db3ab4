using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Administration;
using QuestionSessions.Server.Bodies;

namespace QuestionSessions.Cli.Import;

/// <summary><c>qs import units</c>: see <see cref="UnitImport"/> for the layout.</summary>
internal sealed class UnitFileImport(int parallelism) : IFileImport
{
    public string Noun => "bodies";

    public string Verb => "established";

    public async Task<ImportPlan> ReadAsync(IEventStore store, Stream file, CancellationToken cancellationToken)
    {
        var (rows, problems) = UnitImport.Read(file, await BodyDirectory.ListAsync(store, cancellationToken), DateTimeOffset.UtcNow, cancellationToken);
        return new ImportPlan(rows.Count, problems, (progress, ct) => UnitImport.WriteAsync(store, rows, parallelism, progress, ct));
    }
}

/// <summary><c>qs import members</c>: see <see cref="MemberImport"/> for the layout.</summary>
internal sealed class MemberFileImport(int parallelism) : IFileImport
{
    public string Noun => "members";

    public string Verb => "seated";

    public async Task<ImportPlan> ReadAsync(IEventStore store, Stream file, CancellationToken cancellationToken)
    {
        var (rows, problems) = MemberImport.Read(file, await BodyDirectory.ListAsync(store, cancellationToken), DateTimeOffset.UtcNow, cancellationToken);
        return new ImportPlan(rows.Count, problems, (progress, ct) => MemberImport.WriteAsync(store, rows, parallelism, progress, ct));
    }
}

/// <summary><c>qs import officials</c>: see <see cref="OfficialImport"/> for the layout.</summary>
internal sealed class OfficialFileImport(int parallelism) : IFileImport
{
    public string Noun => "officials";

    public string Verb => "appointed";

    public async Task<ImportPlan> ReadAsync(IEventStore store, Stream file, CancellationToken cancellationToken)
    {
        var (commands, rows, problems) = OfficialImport.Read(file, await BodyDirectory.ListAsync(store, cancellationToken), DateTimeOffset.UtcNow, cancellationToken);
        return new ImportPlan(rows, problems, (progress, ct) => OfficialImport.WriteAsync(store, commands, parallelism, progress, ct));
    }
}
