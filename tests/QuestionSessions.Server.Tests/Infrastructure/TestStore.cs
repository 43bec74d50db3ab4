namespace QuestionSessions.Server.Tests.Infrastructure;

/// <summary>Which database a node runs on. Each test makes its own (a temp SQLite file, a fresh PostgreSQL database).</summary>
internal sealed record TestStore(string Provider, string ConnectionString);
