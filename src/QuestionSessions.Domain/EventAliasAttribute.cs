namespace QuestionSessions.Domain;

/// <summary>
/// The stable name an event is stored under. Never derived from the CLR type name, so types can be
/// renamed or moved without breaking stored streams.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventAliasAttribute(string alias) : Attribute
{
    public string Alias { get; } = alias;
}
