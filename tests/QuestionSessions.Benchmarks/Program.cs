return await QuestionSessions.Benchmarks.BenchApp.RunAsync(args);
