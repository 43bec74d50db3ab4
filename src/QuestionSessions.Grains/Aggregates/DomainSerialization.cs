using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using QuestionSessions.Runtime.Aggregates;

namespace QuestionSessions.Grains.Aggregates;

/// <summary>
/// How the domain's records cross grain calls. The domain project stays free of Orleans, so its commands,
/// states and errors carry no serializer attributes: Orleans' System.Text.Json codec takes every type of the
/// domain namespace, with the same options that store events and snapshots, so a record that round-trips
/// through the store round-trips between silos too. Grain methods wrap them in immutable envelopes
/// (<see cref="Orleans.Concurrency.Immutable{T}"/>, <see cref="AggregateView{TState}"/>): domain records
/// are immutable, so a call inside one silo passes the reference and pays for no copy.
/// </summary>
public static class DomainSerialization
{
    private const string DomainNamespace = "QuestionSessions.Domain";

    public static ISerializerBuilder AddDomainRecords(this ISerializerBuilder serializer) =>
        serializer.AddJsonSerializer(IsDomainType, Json.Options);

    public static IServiceCollection AddDomainRecords(this IServiceCollection services) =>
        services.AddSerializer(s => s.AddDomainRecords());

    internal static bool IsDomainType(Type type) =>
        type.Namespace is { } name && (name == DomainNamespace || name.StartsWith(DomainNamespace + ".", StringComparison.Ordinal));
}
