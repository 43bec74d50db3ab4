using Microsoft.Extensions.Diagnostics.HealthChecks;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Server.Hosting;

/// <summary>Ready means the database answers: a node that cannot reach it must not take traffic.</summary>
internal sealed class StoreHealthCheck(IEventStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await store.OpenConnectionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{store.Provider} store reachable");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{store.Provider} store unreachable", e);
        }
    }
}
