using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using QuestionSessions.Domain;
using QuestionSessions.Runtime.Storage;

namespace QuestionSessions.Runtime.Aggregates;

/// <summary>
/// Maps events to their stable alias and JSON body and back. The alias comes from
/// <see cref="EventAliasAttribute"/>, never from the CLR name; an event type without one is a startup error.
/// </summary>
internal sealed class EventCodec<TEvent>
    where TEvent : class
{
    private readonly FrozenDictionary<string, Type> _byAlias;
    private readonly FrozenDictionary<Type, string> _byType;

    public EventCodec()
    {
        var types = typeof(TEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(TEvent).IsAssignableFrom(t))
            .ToList();
        var missing = types.Where(t => t.GetCustomAttribute<EventAliasAttribute>() is null).Select(t => t.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Events without a stable alias: {string.Join(", ", missing)}.");
        }

        _byType = types.ToFrozenDictionary(t => t, t => t.GetCustomAttribute<EventAliasAttribute>()!.Alias);
        var shared = _byType.GroupBy(p => p.Value, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' ({string.Join(", ", g.Select(p => p.Key.Name).Order(StringComparer.Ordinal))})").ToList();
        if (shared.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TEvent).Name} types share an alias: {string.Join("; ", shared)}.");
        }

        _byAlias = _byType.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    public IEnumerable<string> Aliases => _byAlias.Keys;

    public string AliasOf(TEvent @event) => _byType[@event.GetType()];

    public bool Knows(string alias) => _byAlias.ContainsKey(alias);

    public string Serialize(TEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Json.Options);

    public NewEvent Encode(TEvent @event, string metadata) => new(AliasOf(@event), Serialize(@event), metadata);

    public TEvent Decode(StoredEvent stored) =>
        _byAlias.TryGetValue(stored.Type, out var type)
            ? (TEvent)JsonSerializer.Deserialize(stored.Data, type, Json.Options)!
            : throw new InvalidOperationException($"Stream '{stored.StreamId}' holds an unknown event type '{stored.Type}' at version {stored.Version}.");
}
