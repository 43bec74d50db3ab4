using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Tests.Storage;

public sealed class EventStoreFactoryTests
{
    [Theory]
    [InlineData("Sqlite", "Sqlite")]
    [InlineData("sqlite", "Sqlite")]
    [InlineData("POSTGRES", "Postgres")]
    [InlineData("postgres", "Postgres")]
    public async Task Create_chooses_the_provider_by_name_ignoring_case(string name, string provider)
    {
        var connectionString = provider == "Sqlite" ? "Data Source=unused.db" : "Host=127.0.0.1;Database=unused";

        await using var store = EventStoreFactory.Create(name, connectionString, TimeProvider.System);

        Assert.Equal(provider, store.Provider);
    }

    [Fact]
    public void Create_rejects_an_unknown_provider_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => EventStoreFactory.Create("SqlServer", "x", TimeProvider.System));

        Assert.Contains("SqlServer", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Sqlite\" or \"Postgres\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "garbage")]
    [InlineData("Sqlite", "Foo=bar")]
    [InlineData("Postgres", "garbage")]
    public void Create_rejects_a_malformed_connection_string_at_once(string provider, string connectionString)
    {
        Assert.Throws<ArgumentException>(() => EventStoreFactory.Create(provider, connectionString, TimeProvider.System));
    }
}
