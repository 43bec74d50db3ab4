global using SittingHost = QuestionSessions.Runtime.Activations.AggregateHost<
    QuestionSessions.Domain.Sittings.SittingDecider,
    QuestionSessions.Domain.Sittings.SittingState,
    QuestionSessions.Domain.Sittings.SittingCommand,
    QuestionSessions.Domain.Sittings.SittingEvent>;

return await QuestionSessions.Benchmarks.BenchApp.RunAsync(args);
