using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Runtime.Activations;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Runtime.Storage.Sqlite;

namespace QuestionSessions.Runtime.Tests.Activations;

/// <summary>One SQLite store in a temp folder; every host made here is another "node" over it.</summary>
internal sealed class HostFixture : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("qs-host-").FullName;

    public HostFixture() => Store = new SqliteEventStore($"Data Source={Path.Combine(_folder, "qs.db")}", TimeProvider.System);

    public IEventStore Store { get; }

    public AggregateHost<SittingDecider, SittingState, SittingCommand, SittingEvent> Host(
        AggregateHostOptions? options = null, TimeProvider? time = null, ILogger<AggregateHost<SittingDecider, SittingState, SittingCommand, SittingEvent>>? logger = null) =>
        new(Store, [], time ?? TimeProvider.System, options ?? new AggregateHostOptions(),
            logger ?? NullLogger<AggregateHost<SittingDecider, SittingState, SittingCommand, SittingEvent>>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
