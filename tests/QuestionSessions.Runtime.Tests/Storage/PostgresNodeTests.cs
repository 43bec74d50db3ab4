using Npgsql;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Storage.Postgres;
using QuestionSessions.Tests.Shared;

namespace QuestionSessions.Runtime.Tests.Storage;

/// <summary>What only a multi-node store has: nodes starting together, and a listener that loses its connection.</summary>
public sealed class PostgresNodeTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_from_several_nodes_at_once_creates_the_schema_once()
    {
        // A schema of its own, so the race is on a database where nothing exists yet.
        var schema = $"fresh_{Guid.NewGuid():N}";
        await using (var admin = new PostgresEventStore(database.ConnectionString, TimeProvider.System))
        await using (var connection = await admin.OpenConnectionAsync(Ct))
        {
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", (NpgsqlConnection)connection);
            await create.ExecuteNonQueryAsync(Ct);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { SearchPath = schema }.ConnectionString;
        var nodes = Enumerable.Range(0, 6).Select(_ => new PostgresEventStore(connectionString, TimeProvider.System)).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => n.InitializeAsync(Ct)));

            var stream = $"sitting/{Guid.NewGuid():N}";
            await nodes[0].AppendAsync(new AppendRequest(stream, 0, [new NewEvent("sitting_opened", "{}", "{}")]), Ct);
            Assert.Equal(1, await nodes[5].GetStreamVersionAsync(stream, Ct));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Listener_reconnects_after_losing_its_connection_and_asks_for_a_resync()
    {
        await using var observer = new PostgresEventStore(database.ConnectionString, TimeProvider.System);
        await using var writer = new PostgresEventStore(database.ConnectionString, TimeProvider.System);
        await writer.InitializeAsync(Ct);
        var stream = $"sitting/{Guid.NewGuid():N}";
        var resync = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var moved = new TaskCompletionSource<StreamMoved>(TaskCreationOptions.RunContinuationsAsynchronously);
        observer.StreamMoved += m =>
        {
            if (m.StreamId.Length == 0)
            {
                resync.TrySetResult();
            }
            else if (m.StreamId == stream)
            {
                moved.TrySetResult(m);
            }
        };
        await observer.StartListeningAsync(Ct);
        var firstProcess = observer.ListenerProcessId;

        await using (var connection = await writer.OpenConnectionAsync(Ct))
        {
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend($1)", (NpgsqlConnection)connection)
            {
                Parameters = { new NpgsqlParameter { Value = firstProcess } },
            };
            Assert.True((bool)(await kill.ExecuteScalarAsync(Ct))!);
        }

        await resync.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.NotEqual(firstProcess, observer.ListenerProcessId);
        await writer.AppendAsync(new AppendRequest(stream, 0, [new NewEvent("sitting_opened", "{}", "{}")]), Ct);
        Assert.Equal(new StreamMoved(stream, 1), await moved.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }
}
