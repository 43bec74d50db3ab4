using Npgsql;

namespace QuestionSessions.Tests.Shared;

/// <summary>
/// A database of its own for one test class (or, made by a test, for that test): <c>qs_test_&lt;guid&gt;</c>
/// on the server named by <c>QS_TEST_PG</c>, dropped afterwards. Without <c>QS_TEST_PG</c> the tests skip,
/// except under CI, where they fail: a missing database must never look like a pass. Compiled into both
/// the runtime and the server test projects.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private const string Variable = "QS_TEST_PG";
    private string? serverConnectionString;
    private string? name;

    /// <summary>The connection string of this class's database; skips or fails the test when there is no server.</summary>
    public string ConnectionString
    {
        get
        {
            if (name is not null)
            {
                return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"PostgreSQL not available under CI: {Variable} is not set (./test.sh starts one).");
            }

            Assert.Skip($"PostgreSQL not available: set {Variable} (./test.sh starts one)");
            return null!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        serverConnectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(serverConnectionString))
        {
            return;
        }

        var database = $"qs_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        name = database;
    }

    public async ValueTask DisposeAsync()
    {
        if (name is null)
        {
            return;
        }

        // Pooled connections of the stores under test may still be open: FORCE ends them.
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
