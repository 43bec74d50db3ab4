using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;

namespace QuestionSessions.Grains.Tests.Sittings;

/// <summary>A real aggregate to drive the grains with: a sitting of body "na" and the actors who run it.</summary>
internal static class SittingScript
{
    public static readonly Actor Chair = new("chair", "Chủ tọa", [new Grant(Role.Chair, "na")]);
    public static readonly Actor Secretariat = new("sec", "Thư ký", [new Grant(Role.Secretariat, "na")]);
    public static readonly Guid Cluster = Guid.Parse("00000000-0000-0000-0000-0000000000c1");

    public static readonly RulesProfile Rules = new(
        "test", new DateOnly(2026, 1, 1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3),
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(10), 3, 20, "test");

    public static ScheduleSitting Schedule(Guid id, DateTimeOffset now) => new(
        id, "na", "Phiên chất vấn", now.AddDays(1), Rules,
        [new ClusterPlan(Cluster, "Y tế", new Respondent("health", "Bộ trưởng Bộ Y tế", "Bộ trưởng"), [])], Secretariat, now);

    public static PublishTranscriptSegment Segment(string text, DateTimeOffset now) => new(Guid.CreateVersion7(), null, "Thư ký", text, Secretariat, now);
}
