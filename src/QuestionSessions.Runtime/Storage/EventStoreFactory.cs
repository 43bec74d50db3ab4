using Microsoft.Extensions.Logging;
using QuestionSessions.Runtime.Storage.Postgres;
using QuestionSessions.Runtime.Storage.Sqlite;

namespace QuestionSessions.Runtime.Storage;

/// <summary>Chooses the store from configuration (<c>Storage:Provider</c>, <c>Storage:ConnectionString</c>).</summary>
internal static class EventStoreFactory
{
    public static IEventStore Create(string provider, string connectionString, TimeProvider timeProvider, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteEventStore(connectionString, timeProvider, loggerFactory);
        }

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresEventStore(connectionString, timeProvider, loggerFactory);
        }

        throw new ArgumentException(
            $"Unknown storage provider '{provider}'. Set Storage:Provider to \"Sqlite\" or \"Postgres\".", nameof(provider));
    }
}
