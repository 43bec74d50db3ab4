using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// What a silo needs to host the grains of this project, besides an <see cref="Runtime.Storage.IEventStore"/>,
/// a <see cref="TimeProvider"/> and the read models (<see cref="Runtime.Aggregates.IProjection{TState}"/>) to write with each append.
/// </summary>
public static class GrainServices
{
    public static IServiceCollection AddQuestionSessionsGrains(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<AggregateOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection("Aggregates"));
        }

        services.AddSingleton(typeof(AggregateServices<>));
        return services.AddDomainRecords();
    }
}
