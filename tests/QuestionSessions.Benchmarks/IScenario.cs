using QuestionSessions.Benchmarks.Runner;

namespace QuestionSessions.Benchmarks;

internal interface IScenario
{
    ScenarioPlan Plan { get; }

    bool NeedsPostgres { get; }

    Task<ScenarioResult> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
