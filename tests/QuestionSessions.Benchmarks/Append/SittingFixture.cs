using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;
using QuestionSessions.Domain.Sittings;
using QuestionSessions.Grains.Aggregates;
using QuestionSessions.Grains.Sittings;
using QuestionSessions.Runtime.Storage;
using QuestionSessions.Server.Demo;

namespace QuestionSessions.Benchmarks.Append;

/// <summary>
/// The command every append scenario sends: the secretariat publishing a transcript segment of a realistic
/// length to an open sitting of the National Assembly. The same text is the fan-out's event payload.
/// </summary>
internal static class SittingFixture
{
    public const string BodyId = "na";

    public const string Speaker = "Bộ trưởng Bộ Y tế Đào Hồng Lan";

    // About 700 characters of Vietnamese: the length of one answer paragraph in a sitting's transcript.
    public const string Markdown = """
        Thưa Quốc hội, về câu hỏi của đại biểu về tình trạng **thiếu thuốc, vật tư y tế** tại các bệnh viện tuyến tỉnh,
        Bộ Y tế xin báo cáo như sau. Thứ nhất, Bộ đã trình Chính phủ ban hành nghị định sửa đổi quy định về đấu thầu
        thuốc, cho phép các cơ sở y tế mua sắm tập trung theo nhu cầu thực tế và rút ngắn thời gian lựa chọn nhà thầu.
        Thứ hai, đến hết quý III năm 2026, Bộ cam kết hoàn thành việc xây dựng danh mục thuốc dự trữ quốc gia và
        hướng dẫn các địa phương điều chuyển thuốc giữa các bệnh viện khi có nguy cơ thiếu hụt. Thứ ba, Bộ sẽ phối hợp
        với Bộ Tài chính và Bảo hiểm xã hội Việt Nam để thanh toán kịp thời chi phí khám chữa bệnh bảo hiểm y tế,
        bảo đảm quyền lợi của người bệnh.
        """;

    public static readonly Actor Secretariat = new("secretariat.na", "Thư ký phiên họp (Văn phòng Quốc hội)", [new Grant(Role.Secretariat, BodyId)]);

    public static readonly Actor Chair = new("chair.na", "Chủ tọa phiên họp", [new Grant(Role.Chair, BodyId)]);

    // Read once: the demo file is parsed with options of its own, which is start-up work, not the command path's.
    private static readonly Lazy<RulesProfile> Rules = new(() => DemoSeeder.Load().RulesProfiles[BodyId]);

    public static PublishTranscriptSegment Segment(DateTimeOffset now) =>
        new(Guid.CreateVersion7(), null, Speaker, Markdown, Secretariat, now);

    /// <summary>Schedules and opens a new sitting through the command path; returns its id.</summary>
    public static async Task<Guid> OpenNewSittingAsync(IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = time.GetUtcNow();
        var rules = Rules.Value;
        var cluster = new ClusterPlan(
            Guid.CreateVersion7(), "Y tế: cung ứng thuốc, vật tư y tế và bảo hiểm y tế",
            new Respondent("na-o-health", "Đào Hồng Lan", "Bộ Y tế"), []);
        await ExpectAcceptedAsync(grains, id, new ScheduleSitting(id, BodyId, "Phiên chất vấn (benchmark)", now.AddDays(1), rules, [cluster], Secretariat, now), cancellationToken);
        await ExpectAcceptedAsync(grains, id, new OpenSitting(Chair, now), cancellationToken);
        return id;
    }

    /// <summary>One command on the full path, a grain call as the endpoints make it; anything but an acceptance is a broken benchmark.</summary>
    public static async Task<CommandReply> ExpectAcceptedAsync(
        IGrainFactory grains, Guid sittingId, SittingCommand command, CancellationToken cancellationToken)
    {
        // The HTTP endpoints always pass a correlation id (the request's trace id); no idempotency key.
        var result = await grains.GetGrain<ISittingGrain>(sittingId).ExecuteAsync(command, new CommandOptions(CorrelationId: "bench"), cancellationToken);
        return result.Outcome == CommandOutcome.Accepted
            ? result
            : throw new InvalidOperationException($"{command.GetType().Name} on {sittingId} was not accepted: {result.Outcome} {result.Error?.Code}");
    }

    /// <summary>The event a command appended, as stored.</summary>
    public static async Task<StoredEvent> StoredAsync(IEventStore store, Guid sittingId, long version, CancellationToken cancellationToken) =>
        (await store.ReadStreamAsync(SittingGrain.StreamId(sittingId), version, 1, cancellationToken)).Single();

    /// <summary>The sitting's state as its grain holds it.</summary>
    public static async Task<SittingState> StateAsync(IGrainFactory grains, Guid sittingId, CancellationToken cancellationToken) =>
        (await grains.GetGrain<ISittingGrain>(sittingId).Get(cancellationToken))?.State
            ?? throw new InvalidOperationException($"Sitting {sittingId} does not exist.");
}
