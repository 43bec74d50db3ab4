using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using QuestionSessions.Benchmarks.Postgres;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Bodies;
using QuestionSessions.Server.Commitments;

namespace QuestionSessions.Benchmarks.Tracker;

/// <summary>
/// The tracker's read model at national scale, on PostgreSQL: the National Assembly, 34 provinces and 3,300
/// communes (97 each, the two-level structure), their agencies, and 1,000,000 commitments in the server's
/// own ledger and body tables (created by the server's code), loaded with COPY and analysed. The mix is
/// fixed by a seeded generator: statuses as a mature ledger has them, deadlines over two years, a tenth of
/// the open ones overdue. Built once for the three tracker scenarios and dropped after the last.
/// </summary>
internal sealed class TrackerLedger : IAsyncDisposable
{
    public const int Provinces = 34;
    public const int CommunesPerProvince = 97;
    public const int NationalCommitments = 100_000;
    public const int ProvincialCommitments = 500_000;
    public const int CommuneCommitments = 400_000;
    public const int Total = NationalCommitments + ProvincialCommitments + CommuneCommitments;
    public const int Ministries = 22;
    public const int Departments = 20;
    public const int CommuneAgencies = 3;

    private static readonly string[] Statuses =
        ["InProgress", "Submitted", "Claimed", "Verified", "Disputed", "PartiallyFulfilled", "NotFulfilled", "Withdrawn"];

    private static readonly int[] StatusWeights = [30, 5, 10, 40, 5, 3, 4, 3];

    private static readonly string[] Open = ["InProgress", "Submitted", "Disputed", "PartiallyFulfilled"];

    private readonly BenchDatabase _database;

    private TrackerLedger(BenchDatabase database, IEventStore store, DateOnly today, TimeSpan loaded)
    {
        _database = database;
        Store = store;
        Today = today;
        LoadTime = loaded;
    }

    public IEventStore Store { get; }

    public string ConnectionString => _database.ConnectionString;

    public DateOnly Today { get; }

    public TimeSpan LoadTime { get; }

    public static string Province(int p) => $"p{p:00}";

    public static string ProvincialAgency(int p, int d) => $"p{p:00}-a{d:00}";

    public static async Task<TrackerLedger> BuildAsync(BenchPostgres postgres, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var database = await postgres.CreateDatabaseAsync(cancellationToken);
        var today = new DateOnly(2026, 12, 3);
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await CommitmentLedger.CreateTableAsync(connection, null, cancellationToken);
            await BodyDirectory.CreateTableAsync(connection, null, cancellationToken);
            await LoadBodiesAsync(connection, cancellationToken);
            await LoadCommitmentsAsync(connection, today, cancellationToken);
            // As autovacuum leaves a table that has settled: statistics and the visibility map (one statement
            // each: VACUUM does not run inside the implicit transaction of a batch).
            foreach (var table in (string[])["commitment_ledger", "body_directory"])
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var store = EventStoreFactory.Create("Postgres", database.ConnectionString, TimeProvider.System);
        return new TrackerLedger(database, store, today, started.Elapsed);
    }

    private static async Task LoadBodiesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY body_directory (body_id, kind, name, name_en, parent_body_id, term, members, officials, version) FROM STDIN (FORMAT BINARY)", cancellationToken);
        async Task Row(string id, string kind, string name, string? parent)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(kind, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(name, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(name, NpgsqlDbType.Text, cancellationToken);
            if (parent is null)
            {
                await copy.WriteNullAsync(cancellationToken);
            }
            else
            {
                await copy.WriteAsync(parent, NpgsqlDbType.Text, cancellationToken);
            }

            await copy.WriteAsync("2026–2031", NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(40, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(10, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(1L, NpgsqlDbType.Bigint, cancellationToken);
        }

        await Row("na", "NationalAssembly", "Quốc hội", null);
        for (var p = 1; p <= Provinces; p++)
        {
            await Row(Province(p), "ProvincialCouncil", $"HĐND tỉnh {p}", "na");
            for (var c = 1; c <= CommunesPerProvince; c++)
            {
                await Row($"{Province(p)}-c{c:000}", "CommuneCouncil", $"HĐND xã {c} tỉnh {p}", Province(p));
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task LoadCommitmentsAsync(NpgsqlConnection connection, DateOnly today, CancellationToken cancellationToken)
    {
        var random = new Random(20261203);
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY commitment_ledger ({CommitmentLedger.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < Total; i++)
        {
            var (body, agency) = i switch
            {
                < NationalCommitments => ("na", $"na-a{random.Next(Ministries):00}"),
                < NationalCommitments + ProvincialCommitments => Provincial(random),
                _ => Communal(random),
            };
            await WriteAsync(copy, random, i, body, agency, today, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static (string Body, string Agency) Provincial(Random random)
    {
        var p = random.Next(1, Provinces + 1);
        return (Province(p), ProvincialAgency(p, random.Next(Departments)));
    }

    private static (string Body, string Agency) Communal(Random random)
    {
        var body = $"{Province(random.Next(1, Provinces + 1))}-c{random.Next(1, CommunesPerProvince + 1):000}";
        return (body, $"{body}-a{random.Next(CommuneAgencies)}");
    }

    private static async Task WriteAsync(
        NpgsqlBinaryImporter copy, Random random, int i, string body, string agency, DateOnly today, CancellationToken cancellationToken)
    {
        var status = Pick(random);
        var made = today.AddDays(-random.Next(0, 730));
        var deadline = made.AddDays(random.Next(30, 540));
        var open = Open.Contains(status);
        string? claimed = status is "Claimed" or "Verified" ? Date(deadline.AddDays(random.Next(-60, 45))) : null;
        string? overdue = open && deadline < today ? Date(deadline) : null;
        var official = $"{agency}-o";
        var id = new Guid(i, 0, 0, [1, 2, 3, 4, 5, 6, 7, 8]);

        await copy.StartRowAsync(cancellationToken);
        await Text(id.ToString());
        await Text("Commitment");
        await Text("Answer");
        await Text(body);
        await Text("2026–2031");
        await Text(Guid.Empty.ToString());
        await Text(Guid.Empty.ToString());
        await Text(id.ToString());
        await Text($"{body}-d{random.Next(40):00}");
        await Null(); // resolution
        await Null(); // clause
        await Null(); // topic
        await Null(); // recommendation
        await Text(agency);
        await Text($"Cơ quan {agency}");
        await Text(official);
        await Text($"Người cam kết {official}");
        await Text($"Hoàn thành việc rà soát, sửa đổi quy định số {i} về quản lý đất đai và bảo đảm đủ thuốc thiết yếu tại cơ sở y tế tuyến xã.");
        await Null(); // expected result
        await Text(Date(deadline));
        await Null(); // label
        await Text(Date(deadline));
        await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
        await Text(status);
        await (overdue is null ? Null() : Text(overdue));
        await copy.WriteAsync(random.Next(0, 101), NpgsqlDbType.Integer, cancellationToken);
        await Text(Iso(made));
        await Null(); // last progress
        await (claimed is null ? Null() : Text(claimed));
        await (status == "Verified" ? Text(Iso(made.AddDays(200))) : Null());
        await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
        await Text(Iso(made.AddDays(10)));
        await copy.WriteAsync(3L, NpgsqlDbType.Bigint, cancellationToken);

        Task Text(string value) => copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        Task Null() => copy.WriteNullAsync(cancellationToken);
    }

    private static string Pick(Random random)
    {
        var roll = random.Next(100);
        for (var i = 0; i < Statuses.Length; i++)
        {
            roll -= StatusWeights[i];
            if (roll < 0)
            {
                return Statuses[i];
            }
        }

        return Statuses[0];
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T03:00:00.0000000Z";

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await _database.DisposeAsync();
    }
}
