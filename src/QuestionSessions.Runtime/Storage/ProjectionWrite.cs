namespace QuestionSessions.Runtime.Storage;

/// <summary>
/// One statement a read model needs written atomically with an append (see
/// <see cref="AppendRequest.Projections"/>). <see cref="Sql"/> refers to its parameters as
/// <c>@name</c>, which both providers accept; <see cref="Parameters"/> name them without the <c>@</c>.
/// A null value is bound as SQL NULL.
/// </summary>
public sealed record ProjectionWrite(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);
