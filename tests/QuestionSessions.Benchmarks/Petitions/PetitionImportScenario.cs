using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using QuestionSessions.Benchmarks.Runner;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Benchmarks.Petitions;

/// <summary>
/// import-petitions-100k: <c>qs import petitions</c> (run in-process, progress bar and all) filing 100,000 rows
/// of a generated session file into a fresh PostgreSQL database, each row a petition with its hash-chained event,
/// its directory row and its search document; against PostgreSQL's <c>COPY … FROM STDIN (FORMAT csv, HEADER)</c>
/// of the same file into a plain table of its columns, in a fresh database too. Rows per second, ours ÷ COPY:
/// what filing a row properly costs next to loading its bytes.
/// </summary>
internal sealed class PetitionImportScenario(BenchSettings settings) : IScenario
{
    public const int Rows = 100_000;

    private static readonly string[] Fields = ["land", "environment", "health", "education", "transport", "infrastructure", "socialWelfare", "labour", "agriculture", "justice", "economy", "administration", "other"];

    public ScenarioPlan Plan { get; } = new("import-petitions-100k", "rows/s", 0, Math.Min(settings.AppendPairs, 2), RatioOf.OursOverBaseline, 0.01, TargetIsMinimum: true);

    public bool NeedsPostgres => true;

    public async Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var postgres = context.RequirePostgres();
        var folder = Directory.CreateTempSubdirectory("qs-bench-import-").FullName;
        try
        {
            var file = Path.Combine(folder, "petitions.csv");
            await WriteFileAsync(file, cancellationToken);
            var result = await AlternatingRunner.RunAsync(Plan,
                async (_, ct) =>
                {
                    await using var database = await postgres.CreateDatabaseAsync(ct);
                    await PrepareAsync(database.ConnectionString, ct);
                    var started = Stopwatch.GetTimestamp();
                    using var output = new StringWriter();
                    using var progress = new StringWriter();
                    var exit = await QuestionSessions.Cli.CliApp.RunAsync(
                        ["import", "petitions", file, "--provider", "Postgres", "--connection", database.ConnectionString], output, progress, ct);
                    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    if (exit != 0 || !output.ToString().Contains($"filed {Rows} petitions", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"qs import exited {exit}: {output}{progress}");
                    }

                    return new WindowFigure(Rows / seconds, new Dictionary<string, double> { ["seconds"] = seconds });
                },
                async (_, ct) =>
                {
                    await using var database = await postgres.CreateDatabaseAsync(ct);
                    await using var connection = new NpgsqlConnection(database.ConnectionString);
                    await connection.OpenAsync(ct);
                    await using (var create = new NpgsqlCommand("""
                        CREATE TABLE petitions_copy (ref TEXT, body_id TEXT, field TEXT, title TEXT, text TEXT, supporters INTEGER, province_id TEXT, commune TEXT)
                        """, connection))
                    {
                        await create.ExecuteNonQueryAsync(ct);
                    }

                    var started = Stopwatch.GetTimestamp();
                    await using (var writer = await connection.BeginTextImportAsync("COPY petitions_copy FROM STDIN (FORMAT csv, HEADER)", ct))
                    {
                        using var reader = new StreamReader(file, Encoding.UTF8);
                        var buffer = new char[1 << 16];
                        int read;
                        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
                        {
                            await writer.WriteAsync(buffer.AsMemory(0, read), ct);
                        }
                    }

                    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    return new WindowFigure(Rows / seconds, new Dictionary<string, double> { ["seconds"] = seconds });
                },
                cancellationToken);
            result.Details["rows"] = Rows;
            result.Details["fileBytes"] = new FileInfo(file).Length;
            result.Notes.Add($"ours: qs import petitions FILE (CsvHelper, every row checked by the petition decider, then filed with 8 writers: "
                + $"one hash-chained event, its petition_directory row and its search document per append) {AlternatingRunner.Format(result.Value)} rows/s; "
                + $"baseline: COPY petitions_copy FROM STDIN (FORMAT csv, HEADER) of the same file into a table of its columns, {AlternatingRunner.Format(result.Baseline)} rows/s.");
            return result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A session's aggregated petitions to the National Assembly from the 34 provinces, Vietnamese text, a few quoted commas.</summary>
    private static async Task WriteFileAsync(string path, CancellationToken cancellationToken)
    {
        var provinces = QuestionSessions.Domain.Places.Provinces.All;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("ref,body_id,field,title,text,supporters,province_id,commune");
        for (var i = 0; i < Rows; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var province = provinces[i % provinces.Count];
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"S11-{i:000000},na,{Fields[i % Fields.Length]},\"Kiến nghị {i} của cử tri {province.Name}, về đất đai và hạ tầng\",\"Cử tri phường, xã thuộc {province.Name} đề nghị Chính phủ sớm giải quyết dứt điểm vấn đề đã kiến nghị nhiều kỳ họp (số {i}).\",{1 + (i % 250)},{province.ProvinceId},Phường {i % 97}"));
        }
    }

    /// <summary>The server's schema, and the National Assembly in the body directory (what an import checks its rows against).</summary>
    private static async Task PrepareAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using (var store = QuestionSessions.Runtime.Storage.EventStoreFactory.Create("Postgres", connectionString, TimeProvider.System))
        {
            await new SchemaService(store).StartAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var body = new NpgsqlCommand("""
            INSERT INTO body_directory (body_id, kind, name, name_en, parent_body_id, term, members, officials, version)
            VALUES ('na', 'NationalAssembly', 'Quốc hội', 'National Assembly', NULL, '2026–2031', 500, 30, 1)
            """, connection);
        await body.ExecuteNonQueryAsync(cancellationToken);
    }
}
