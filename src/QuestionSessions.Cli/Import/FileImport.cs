using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Imports;

namespace QuestionSessions.Cli.Import;

/// <summary>
/// One kind of <c>qs import</c>: how its file is read and checked against the store, and how its good rows are
/// written. <see cref="ImportCommand"/> does the rest the same way for every kind (problems by line,
/// all-or-nothing unless <c>--skip-bad</c>, the progress bar, the summary).
/// </summary>
internal interface IFileImport
{
    /// <summary>What the rows become, plural ("petitions"), and what writing does to them ("filed").</summary>
    string Noun { get; }

    string Verb { get; }

    Task<ImportPlan> ReadAsync(IEventStore store, Stream file, CancellationToken cancellationToken);
}

/// <summary>The file as read: its good rows, ready to be written, and the problems of the bad ones.</summary>
internal sealed record ImportPlan(
    int Rows, IReadOnlyList<ImportProblem> Problems, Func<IProgress<int>, CancellationToken, Task<ImportResult>> WriteAsync);
