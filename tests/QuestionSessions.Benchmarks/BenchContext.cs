using QuestionSessions.Benchmarks.Postgres;

namespace QuestionSessions.Benchmarks;

/// <summary>What every scenario may use: the settings, the repository root and the run's PostgreSQL.</summary>
internal sealed record BenchContext(BenchSettings Settings, string Repository, BenchPostgres? Postgres)
{
    public BenchPostgres RequirePostgres() =>
        Postgres ?? throw new InvalidOperationException("No PostgreSQL: set QS_BENCH_PG or QS_TEST_PG, or let scripts/pg-test.sh start one.");
}
