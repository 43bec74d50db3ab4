using CsvHelper;
using QuestionSessions.Domain;

namespace QuestionSessions.Server.Imports;

/// <summary>One row that cannot be imported: its line in the file and why.</summary>
internal sealed record ImportProblem(long Line, string Reason);

/// <summary>What an import wrote, and what an earlier run of the same file had written already.</summary>
internal sealed record ImportResult(int Written, int AlreadyThere);

/// <summary>
/// What every <c>qs import</c> shares: a UTF-8 CSV file with a header row and RFC 4180 quoting, read row by row
/// (CsvHelper), each bad row reported with its line number and reason, a key seen twice reported at its second
/// line. Nothing is written while reading: the caller decides whether a file with bad rows is written at all.
/// </summary>
internal static class CsvImport
{
    /// <summary>Who writes an import: the operator running qs, with an administrator's reach.</summary>
    public static readonly Actor Importer = new("qs-import", "qs import", [new Grant(Role.Admin, Grant.AnyBody)]);

    /// <summary>
    /// The good rows (in file order) and the problems of the bad ones (by line). <paramref name="row"/> turns the
    /// current record into a row or says what is wrong with it; <paramref name="key"/> names what must be unique
    /// in the file, and <paramref name="duplicate"/> says so given the first line that had it.
    /// </summary>
    public static (IReadOnlyList<T> Rows, IReadOnlyList<ImportProblem> Problems) Read<T, TKey>(
        Stream file, IReadOnlyList<string> columns, Func<CsvReader, (T? Row, string? Problem)> row, Func<T, TKey> key,
        Func<long, string> duplicate, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var rows = new List<T>();
        var problems = new List<ImportProblem>();
        var seen = new Dictionary<TKey, long>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => problems.Add(new ImportProblem(record.LineNumber, record.Reason == CsvMalformedReason.FieldCountMismatch
                ? $"Expected {columns.Count} columns."
                : $"Malformed CSV ({record.Reason}): {Shorten(record.RawRecord)}")),
        };
        using var csv = CsvReader.Create(file, options, leaveOpen: true);
        try
        {
            if (!columns.SequenceEqual(csv.Headers.Select(h => h.Trim().ToLowerInvariant())))
            {
                return ([], [new ImportProblem(1, $"The first line must be the header: {string.Join(',', columns)}.")]);
            }

            while (csv.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var line = csv.LineNumber;
                var (good, problem) = row(csv);
                if (problem is not null)
                {
                    problems.Add(new ImportProblem(line, problem));
                }
                else if (seen.TryGetValue(key(good!), out var first))
                {
                    problems.Add(new ImportProblem(line, duplicate(first)));
                }
                else
                {
                    seen[key(good!)] = line;
                    rows.Add(good!);
                }
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add(new ImportProblem(e.LineNumber, $"Unreadable CSV: {e.Message}"));
        }

        problems.Sort((a, b) => a.Line.CompareTo(b.Line));
        return (rows, problems);
    }

    public static string Shorten(string? text) => text is null ? "" : text.Length > 60 ? text[..60] + "…" : text;
}
