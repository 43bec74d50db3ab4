using System.Net;
using Microsoft.Data.Sqlite;
using QuestionSessions.Cli;
using QuestionSessions.Cli.Backup;
using QuestionSessions.Server.Tests.Infrastructure;
using static QuestionSessions.Server.Tests.Infrastructure.Api;

namespace QuestionSessions.Server.Tests.Durability;

/// <summary>
/// <c>qs backup</c> copies a SQLite store while a real node keeps appending to it; the copy, put in a new place
/// as a restore would, passes <c>qs verify</c> and serves the same sitting, with read models that match its events.
/// </summary>
public sealed class QsBackupTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-backup-").FullName;
    private TestNode _node = null!;

    public async ValueTask InitializeAsync() => _node = await TestNode.StartAsync(_store.Store);

    [Fact]
    public async Task A_backup_taken_while_the_server_appends_restores_to_a_store_that_verifies()
    {
        var backup = Path.Combine(_folder, "qs-backup.db");
        long written;
        await using (var writer = await Writer.StartAsync(_node))
        {
            await writer.WrittenAtLeastAsync(3);
            var (exit, output, error) = await Qs.RunAsync("backup", backup, "--provider", "Sqlite", "--connection", _store.Store.ConnectionString);
            Assert.True(exit == CliApp.Ok, $"Exit {exit}:\n{output}\n{error}");
            Assert.StartsWith("OK:", output, StringComparison.Ordinal);
            await writer.WrittenAtLeastAsync(writer.Written + 3);
            written = writer.Written;
        }

        var restored = Restore(backup);
        await AssertVerifiesAsync(restored);
        var (sittingEvents, segments) = await CountSittingAsync(restored);
        Assert.InRange(segments, 3, written);
        await AssertNodeServesAsync(restored, sittingEvents, segments);
    }

    [Fact]
    public async Task Appends_committed_while_the_pages_are_copied_are_not_in_the_copy_and_do_not_tear_it()
    {
        await using var writer = await Writer.StartAsync(_node);
        await writer.WrittenAtLeastAsync(2);
        var copy = Path.Combine(_folder, "stepped.db");
        var steps = 0;
        var first = true;

        // One page per step, and after the first step the server must commit more appends before the copy goes on:
        // the copy is then certainly taken across commits.
        var result = await SqliteBackup.CopyAsync(_store.Store.ConnectionString, copy, pagesPerStep: 1, async (progress, _) =>
        {
            steps++;
            if (first)
            {
                first = false;
                await writer.WrittenAtLeastAsync(writer.Written + 3);
            }
        }, TestContext.Current.CancellationToken);
        var (_, liveEvents, _) = await CountAllAsync(_store.Store.ConnectionString);

        Assert.True(steps > 1, $"The copy took {steps} step(s).");
        Assert.True(liveEvents > result.Events, $"The store has {liveEvents} events, the copy {result.Events}: nothing was appended during the copy.");
        var restored = Restore(copy);
        Assert.Equal((result.Streams, result.Events, result.LastPosition), await CountAllAsync(restored.ConnectionString));
        await AssertVerifiesAsync(restored);
        await using var connection = new SqliteConnection(restored.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var gaps = connection.CreateCommand();
        gaps.CommandText = "SELECT count(*) FROM (SELECT stream_id FROM events GROUP BY stream_id HAVING max(version) <> count(*))";
        Assert.Equal(0L, await gaps.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_of_a_PostgreSQL_store_is_refused_with_the_tools_that_back_it_up()
    {
        var target = Path.Combine(_folder, "pg.db");
        var (exit, output, error) = await Qs.RunAsync("backup", target, "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Username=postgres;Database=qs");

        Assert.True(exit == CliApp.Usage, $"Exit {exit}:\n{output}\n{error}");
        Assert.Contains("pg_dump", error, StringComparison.Ordinal);
        Assert.Contains("pg_basebackup", error, StringComparison.Ordinal);
        Assert.Contains("README", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Backup_never_overwrites_an_existing_file()
    {
        var target = Path.Combine(_folder, "taken.db");
        await File.WriteAllTextAsync(target, "an earlier backup", TestContext.Current.CancellationToken);

        var (exit, output, error) = await Qs.RunAsync("backup", target, "--connection", _store.Store.ConnectionString);

        Assert.True(exit == CliApp.Usage, $"Exit {exit}:\n{output}\n{error}");
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(target, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_of_a_missing_store_exits_1_and_creates_nothing()
    {
        var missing = Path.Combine(_folder, "nowhere.db");
        var target = Path.Combine(_folder, "never.db");

        var (exit, output, error) = await Qs.RunAsync("backup", target, "--connection", $"Data Source={missing}");

        Assert.True(exit == CliApp.Failed, $"Exit {exit}:\n{output}\n{error}");
        Assert.Contains($"there is no SQLite store at {missing}", error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup|--connection|Data Source=x.db")]
    [InlineData("backup|out.db|--bogus")]
    [InlineData("backup|out.db|--provider|Oracle")]
    public async Task Backup_with_bad_arguments_exits_2(string joined)
    {
        var (exit, output, error) = await Qs.RunAsync(joined.Split('|'));

        Assert.True(exit == CliApp.Usage, $"Exit {exit}:\n{output}\n{error}");
        Assert.StartsWith("qs", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    private TestStore Restore(string backup)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, $"restored-{Guid.NewGuid():N}")).FullName;
        var path = Path.Combine(folder, "qs.db");
        File.Copy(backup, path);
        return new TestStore("Sqlite", $"Data Source={path}");
    }

    private static async Task AssertVerifiesAsync(TestStore store)
    {
        var (exit, output, error) = await Qs.RunAsync("verify", "--provider", "Sqlite", "--connection", store.ConnectionString);
        Assert.True(exit == CliApp.Ok, $"Exit {exit}:\n{output}\n{error}");
        Assert.StartsWith("OK:", output, StringComparison.Ordinal);
    }

    // The restored store on a node: the sitting is at the version its events say, and its transcript read model
    // (written in the same transaction as the events) holds exactly the segments the events published.
    private static async Task AssertNodeServesAsync(TestStore restored, long sittingEvents, long segments)
    {
        await using var node = await TestNode.StartAsync(restored);
        using var http = node.Anonymous();
        Assert.Equal(sittingEvents, await VersionAsync(http, DemoSitting));
        Assert.Equal(segments, (await TranscriptAsync(http, DemoSitting)).Count);
    }

    private static async Task<(long Events, long Segments)> CountSittingAsync(TestStore store)
    {
        await using var connection = new SqliteConnection(store.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), count(*) FILTER (WHERE type = 'transcript_segment_published') FROM events WHERE stream_id = $s";
        command.Parameters.AddWithValue("$s", $"sitting/{DemoSitting}");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<(long Streams, long Events, long LastPosition)> CountAllAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(DISTINCT stream_id), count(*), coalesce(max(position), 0) FROM events";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public async ValueTask DisposeAsync()
    {
        await _node.DisposeAsync();
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pool is left for the OS to clean; it is in the temp folder.
        }
    }

    /// <summary>The secretariat publishing transcript segments of the open demo sitting, one after another, until disposed.</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly SignedInClient _secretariat;
        private readonly CancellationTokenSource _stop = new();
        private readonly SemaphoreSlim _wrote = new(0);
        private Task _loop = Task.CompletedTask;
        private int _written;

        private Writer(SignedInClient secretariat) => _secretariat = secretariat;

        public int Written => Volatile.Read(ref _written);

        public static async Task<Writer> StartAsync(TestNode node)
        {
            using (var chair = await node.SignInAsync("chair.na"))
            {
                AcceptedVersion(await SittingAsync(chair.Http, DemoSitting, "/open"));
            }

            var writer = new Writer(await node.SignInAsync("secretariat.na"));
            writer._loop = Task.Run(writer.RunAsync);
            return writer;
        }

        public async Task WrittenAtLeastAsync(int count)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            while (Written < count)
            {
                Assert.False(_loop.IsCompleted, "The writer stopped.");
                await _wrote.WaitAsync(deadline.Token);
            }
        }

        private async Task RunAsync()
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var (status, body) = await SittingAsync(_secretariat.Http, DemoSitting, "/transcript",
                    new { speakerName = "Thư ký kỳ họp", markdown = $"Đoạn ghi {i}: đại biểu hỏi về giá thuốc." });
                Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
                Interlocked.Increment(ref _written);
                _wrote.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _secretariat.Dispose();
            _stop.Dispose();
            _wrote.Dispose();
        }
    }
}
