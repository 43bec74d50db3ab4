using System.Globalization;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Commitments;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Supervision;

/// <summary>
/// Reads the petitions and commitments a topic cites (or may cite) from their public read models,
/// <c>petition_directory</c> and <c>commitment_ledger</c>, by id, a few hundred at a time.
/// </summary>
internal static class SupervisionEvidence
{
    private const int Chunk = 200;

    public static async Task<Dictionary<Guid, PetitionBrief>> PetitionsAsync(IEventStore store, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, PetitionBrief>();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in ids.Distinct().Chunk(Chunk))
        {
            await using var command = Sql.Command(connection, null,
                $"SELECT petition_id, code, title, status, field, agency_name, deadline, outcome FROM petition_directory WHERE petition_id IN ({Names(chunk)})",
                Parameters(chunk));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var brief = new PetitionBrief(
                    Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    reader.IsDBNull(7) ? null : reader.GetString(7));
                found[brief.PetitionId] = brief;
            }
        }

        return found;
    }

    public static async Task<Dictionary<Guid, CommitmentSummary>> CommitmentsAsync(IEventStore store, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, CommitmentSummary>();
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        foreach (var chunk in ids.Distinct().Chunk(Chunk))
        {
            await using var command = Sql.Command(connection, null,
                $"SELECT {CommitmentLedger.Columns} FROM commitment_ledger WHERE commitment_id IN ({Names(chunk)})", Parameters(chunk));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var summary = CommitmentSummary.Read(reader);
                found[summary.CommitmentId] = summary;
            }
        }

        return found;
    }

    private static string Names(Guid[] chunk) => string.Join(", ", chunk.Select((_, i) => $"@id{i}"));

    private static (string, object?)[] Parameters(Guid[] chunk) => [.. chunk.Select((id, i) => ($"id{i}", (object?)id.ToString()))];
}
