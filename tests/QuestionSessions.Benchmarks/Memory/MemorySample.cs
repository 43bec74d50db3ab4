namespace QuestionSessions.Benchmarks.Memory;

/// <summary>A server process's memory after a full, compacting, blocking collection.</summary>
internal sealed record MemorySample(long GcHeapBytes, long WorkingSetBytes, int Connections);
