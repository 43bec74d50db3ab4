using System.Data.Common;
using System.Globalization;
using CsvHelper;

namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// Writes the rows of a query as RFC 4180 CSV, one header line of its column names, values as the
/// database holds them (text as is, numbers in invariant form, NULL as an empty field). The server's
/// export and <c>qs export</c> both write through here, so a file is the same whichever made it. A cell
/// that a spreadsheet would run as a formula (=, +, -, @ first) is escaped.
/// </summary>
public static class CsvExport
{
    public const int ProgressEvery = 10_000;

    public static async Task<long> WriteAsync(
        DbDataReader reader, TextWriter writer, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
        await using var csv = CsvWriter.Create(writer, options, true);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            csv.WriteField(reader.GetName(i));
        }

        await csv.EndRecordAsync(cancellationToken);
        long rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                csv.WriteField(reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            }

            await csv.EndRecordAsync(cancellationToken);
            if (++rows % ProgressEvery == 0)
            {
                progress?.Report(rows);
            }
        }

        await csv.FlushAsync(cancellationToken);
        progress?.Report(rows);
        return rows;
    }
}
