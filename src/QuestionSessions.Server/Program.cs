using QuestionSessions.Server.Hosting;

await using var app = ServerApp.Build(args);
await app.RunAsync();
